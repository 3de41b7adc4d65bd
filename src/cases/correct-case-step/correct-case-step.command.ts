import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { CorrectCaseStepBody } from './correct-case-step.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class CorrectCaseStepCommand extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: CorrectCaseStepBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
