import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type EventStore } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { inquiryModel } from '../employer-models.js';
import { INQUIRY_STREAM_KIND } from '../inquiry.js';
import { registerInquiry } from './register-inquiry.decide.js';
import { RegisterInquiryCommand } from './register-inquiry.command.js';

@CommandHandler(RegisterInquiryCommand)
export class RegisterInquiryHandler implements ICommandHandler<RegisterInquiryCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: RegisterInquiryCommand): Promise<CommandAccepted> {
    const inquiryId = idFor(context, 'inquiry');
    const streamId = officeStream(context.officeNumber, INQUIRY_STREAM_KIND, inquiryId);
    const result = await decideOnStream(
      this.store,
      streamId,
      inquiryModel,
      (state) => registerInquiry({ ...body, inquiryId, navIdent: context.actor, now: context.now }, state),
      context,
    );
    return accepted(inquiryId, result);
  }
}
