import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type AppendResult, type EventStore, type StreamAppend } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { appendWithOthers, foldStream, newEvents, retryOnConflict, storedBefore } from '../../shared/commands/decide-on-stream.js';
import { EMPLOYER_STREAM_KIND } from '../employer.js';
import { employerHomeStream, homeOfficeFor } from '../employer-home.js';
import { employerAccountModel, employerHomeModel, inquiryModel } from '../employer-models.js';
import { INQUIRY_STREAM_KIND } from '../inquiry.js';
import { answerInquiry, recordEmployerContact, tellHomeOffice } from './record-employer-contact.decide.js';
import { RecordEmployerContactCommand } from './record-employer-contact.command.js';

/**
 * The contact goes into the office's employer stream; in the same atomic append, the employer
 * gets this office as its home when it has none, the named inquiry is answered, and a home office
 * that is another office is told. If-Match is about the office's employer stream only.
 */
@CommandHandler(RecordEmployerContactCommand)
export class RecordEmployerContactHandler implements ICommandHandler<RecordEmployerContactCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: RecordEmployerContactCommand): Promise<CommandAccepted> {
    const contactId = idFor(context, 'contact');
    const streamId = officeStream(context.officeNumber, EMPLOYER_STREAM_KIND, body.orgNumber);
    const result = await retryOnConflict(context, () => this.attempt(body, context, contactId, streamId), streamId);
    return accepted(contactId, result);
  }

  private async attempt(
    body: RecordEmployerContactCommand['body'],
    context: CommandContext,
    contactId: string,
    streamId: string,
  ): Promise<AppendResult> {
    const office = context.officeNumber;
    const others: CommandContext = { ...context, expectedRevision: undefined };
    const homeStreamId = employerHomeStream(body.orgNumber);
    const inquiryStreamId = body.inquiryId && officeStream(office, INQUIRY_STREAM_KIND, body.inquiryId);
    const [history, homeHistory, inquiryHistory = []] = await this.store.readStreams(
      inquiryStreamId ? [streamId, homeStreamId, inquiryStreamId] : [streamId, homeStreamId],
    );
    const earlier = storedBefore(context, streamId, history);
    if (earlier) return earlier;
    const account = foldStream(employerAccountModel, streamId, history, context);
    const home = foldStream(employerHomeModel, homeStreamId, homeHistory, others);
    const { homeOffice, events: homeEvents } = homeOfficeFor(home.state, office, body.orgNumber, {
      occurredAt: context.now,
      navIdent: context.actor,
    });
    const employerOfficeNumber = homeOffice === office ? undefined : homeOffice;
    const [contact] = recordEmployerContact(
      { ...body, contactId, navIdent: context.actor, now: context.now, employerOfficeNumber },
      account.state,
    );
    const appends: StreamAppend[] = [];
    if (homeEvents.length > 0) {
      appends.push({
        streamId: homeStreamId,
        events: newEvents(others, homeStreamId, homeEvents),
        expectedRevision: home.expectedRevision,
      });
    }
    if (inquiryStreamId) {
      const inquiry = foldStream(inquiryModel, inquiryStreamId, inquiryHistory, others);
      const answered = answerInquiry(contact!.data, inquiry.state);
      appends.push({
        streamId: inquiryStreamId,
        events: newEvents(others, inquiryStreamId, answered),
        expectedRevision: inquiry.expectedRevision,
      });
    }
    if (employerOfficeNumber) {
      const homeOfficeStreamId = officeStream(employerOfficeNumber, EMPLOYER_STREAM_KIND, body.orgNumber);
      const told = foldStream(employerAccountModel, homeOfficeStreamId, await this.store.readStream(homeOfficeStreamId), others);
      const events = newEvents(others, homeOfficeStreamId, tellHomeOffice(contact!.data, office));
      appends.push({ streamId: homeOfficeStreamId, events, expectedRevision: told.expectedRevision });
    }
    // Most contacts touch one stream alone.
    const own = { streamId, events: newEvents(context, streamId, [contact!]), expectedRevision: account.expectedRevision };
    return appendWithOthers(this.store, own, appends);
  }
}
