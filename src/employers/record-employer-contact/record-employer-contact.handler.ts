import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { EMPLOYER_STREAM_KIND } from '../employer.js';
import { employerAccountModel } from '../employer-models.js';
import { recordEmployerContact } from './record-employer-contact.decide.js';
import { RecordEmployerContactCommand } from './record-employer-contact.command.js';

@CommandHandler(RecordEmployerContactCommand)
export class RecordEmployerContactHandler implements ICommandHandler<RecordEmployerContactCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: RecordEmployerContactCommand): Promise<CommandAccepted> {
    const contactId = idFor(context, 'contact');
    const streamId = officeStream(context.officeNumber, EMPLOYER_STREAM_KIND, body.orgNumber);
    const result = await decideOnStream(this.store, streamId, employerAccountModel, (state) =>
      recordEmployerContact({ ...body, contactId, navIdent: context.actor, now: context.now }, state), context);
    return accepted(contactId, result);
  }
}
