import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { CorrectRecruitmentNeedBody } from './correct-recruitment-need.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class CorrectRecruitmentNeedCommand extends Command<CommandAccepted> {
  constructor(
    readonly needId: string,
    readonly body: CorrectRecruitmentNeedBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
