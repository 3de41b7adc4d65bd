import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { RegisterRecruitmentNeedBody } from './register-recruitment-need.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class RegisterRecruitmentNeedCommand extends Command<CommandAccepted> {
  constructor(
    readonly body: RegisterRecruitmentNeedBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
