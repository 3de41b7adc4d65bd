import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { CloseRecruitmentNeedBody } from './close-recruitment-need.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class CloseRecruitmentNeedCommand extends Command<CommandAccepted> {
  constructor(
    readonly needId: string,
    readonly body: CloseRecruitmentNeedBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
