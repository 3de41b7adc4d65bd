import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class RegisterHomeOfficeCommand extends Command<CommandAccepted> {
  constructor(
    readonly orgNumber: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
