import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { TransferCaseBody } from './transfer-case.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class TransferCaseCommand extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: TransferCaseBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
