import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { RecordFollowUpBody } from './record-follow-up.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class RecordFollowUpCommand extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: RecordFollowUpBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
