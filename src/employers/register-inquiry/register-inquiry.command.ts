import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { RegisterInquiryBody } from './register-inquiry.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class RegisterInquiryCommand extends Command<CommandAccepted> {
  constructor(
    readonly body: RegisterInquiryBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
