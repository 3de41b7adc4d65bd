import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { ExitClientBody } from './exit-client.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class ExitClientCommand extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: ExitClientBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
