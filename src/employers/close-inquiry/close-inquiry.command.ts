import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { CloseInquiryBody } from './close-inquiry.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class CloseInquiryCommand extends Command<CommandAccepted> {
  constructor(
    readonly inquiryId: string,
    readonly body: CloseInquiryBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
