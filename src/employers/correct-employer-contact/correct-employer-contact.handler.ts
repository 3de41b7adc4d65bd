import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type AppendResult, type EventStore, type StreamAppend } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { appendWithOthers, foldStream, newEvents, retryOnConflict, storedBefore } from '../../shared/commands/decide-on-stream.js';
import { EMPLOYER_STREAM_KIND } from '../employer.js';
import type { EmployerContactCorrected } from '../employer-correction.js';
import { employerContactsModel } from '../employer-contacts.js';
import { employerAccountModel, inquiryModel } from '../employer-models.js';
import { INQUIRY_STREAM_KIND } from '../inquiry.js';
import { correctEmployerContact, tellHomeOfficeOfCorrection, withdrawAnswer } from './correct-employer-contact.decide.js';
import { CorrectEmployerContactCommand } from './correct-employer-contact.command.js';

/**
 * The correction goes into the office's employer stream; a contact that counted elsewhere is taken
 * back there in the same atomic append: at the home office that was told of it, and at the inquiry
 * it answered. If-Match is about the office's employer stream only.
 */
@CommandHandler(CorrectEmployerContactCommand)
export class CorrectEmployerContactHandler implements ICommandHandler<CorrectEmployerContactCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ contactId, body, context }: CorrectEmployerContactCommand): Promise<CommandAccepted> {
    const streamId = officeStream(context.officeNumber, EMPLOYER_STREAM_KIND, body.orgNumber);
    const result = await retryOnConflict(context, () => this.attempt(contactId, body, context, streamId), streamId);
    return accepted(contactId, result);
  }

  private async attempt(
    contactId: string,
    body: CorrectEmployerContactCommand['body'],
    context: CommandContext,
    streamId: string,
  ): Promise<AppendResult> {
    const history = await this.store.readStream(streamId);
    const earlier = storedBefore(context, streamId, history);
    if (earlier) return earlier;
    const contacts = foldStream(employerContactsModel, streamId, history, context);
    const [correction] = correctEmployerContact({ ...body, contactId, navIdent: context.actor, now: context.now }, contacts.state);
    const own = { streamId, events: newEvents(context, streamId, [correction!]), expectedRevision: contacts.expectedRevision };
    const others = correction!.type === 'EmployerContactCorrected' ? await this.elsewhere(correction!.data, context) : [];
    return appendWithOthers(this.store, own, others);
  }

  /** Where else the corrected contact counted: the home office told of it, the inquiry it answered. */
  private async elsewhere(correction: EmployerContactCorrected['data'], context: CommandContext): Promise<StreamAppend[]> {
    const others: CommandContext = { ...context, expectedRevision: undefined };
    const { employerOfficeNumber, inquiryId } = correction.corrected;
    const appends: StreamAppend[] = [];
    if (employerOfficeNumber) {
      const homeStreamId = officeStream(employerOfficeNumber, EMPLOYER_STREAM_KIND, correction.orgNumber);
      const home = foldStream(employerAccountModel, homeStreamId, await this.store.readStream(homeStreamId), others);
      const told = tellHomeOfficeOfCorrection(correction, context.officeNumber);
      appends.push({ streamId: homeStreamId, events: newEvents(others, homeStreamId, told), expectedRevision: home.expectedRevision });
    }
    if (inquiryId) {
      const inquiryStreamId = officeStream(context.officeNumber, INQUIRY_STREAM_KIND, inquiryId);
      const inquiry = foldStream(inquiryModel, inquiryStreamId, await this.store.readStream(inquiryStreamId), others);
      const withdrawn = withdrawAnswer(correction, inquiry.state);
      if (withdrawn.length > 0) {
        const events = newEvents(others, inquiryStreamId, withdrawn);
        appends.push({ streamId: inquiryStreamId, events, expectedRevision: inquiry.expectedRevision });
      }
    }
    return appends;
  }
}
