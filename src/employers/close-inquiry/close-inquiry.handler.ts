import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type EventStore } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { inquiryModel } from '../employer-models.js';
import { INQUIRY_STREAM_KIND } from '../inquiry.js';
import { closeInquiry } from './close-inquiry.decide.js';
import { CloseInquiryCommand } from './close-inquiry.command.js';

@CommandHandler(CloseInquiryCommand)
export class CloseInquiryHandler implements ICommandHandler<CloseInquiryCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ inquiryId, body, context }: CloseInquiryCommand): Promise<CommandAccepted> {
    const streamId = officeStream(context.officeNumber, INQUIRY_STREAM_KIND, inquiryId);
    const result = await decideOnStream(
      this.store,
      streamId,
      inquiryModel,
      (state) => closeInquiry({ ...body, inquiryId, navIdent: context.actor, now: context.now }, state),
      context,
    );
    return accepted(inquiryId, result);
  }
}
