import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { EnrolClientInput } from './enrol-client.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class EnrolClientCommand extends Command<CommandAccepted> {
  constructor(
    readonly input: EnrolClientInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}
