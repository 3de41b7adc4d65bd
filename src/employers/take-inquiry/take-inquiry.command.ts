import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { TakeInquiryBody } from './take-inquiry.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class TakeInquiryCommand extends Command<CommandAccepted> {
  constructor(
    readonly inquiryId: string,
    readonly body: TakeInquiryBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
