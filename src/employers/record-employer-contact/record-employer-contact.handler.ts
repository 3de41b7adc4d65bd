import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '../../../libs/event-store/src/index.js';
import { EVENT_STORE } from '../../infrastructure/event-store.module.js';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { EMPLOYER_STREAM_KIND } from '../employer.js';
import { employerAccountModel } from '../employer-models.js';
import { recordEmployerContact } from './record-employer-contact.decide.js';
import type { RecordEmployerContactBody } from './record-employer-contact.dto.js';

export class RecordEmployerContactRequest extends Command<CommandAccepted> {
  constructor(
    readonly body: RecordEmployerContactBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordEmployerContactRequest)
export class RecordEmployerContactHandler implements ICommandHandler<RecordEmployerContactRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, context }: RecordEmployerContactRequest): Promise<CommandAccepted> {
    const contactId = idFor(context, 'contact');
    const streamId = officeStream(context.officeNumber, EMPLOYER_STREAM_KIND, body.orgNumber);
    const result = await decideOnStream(this.store, streamId, employerAccountModel, (state) =>
      recordEmployerContact({ ...body, contactId, navIdent: context.actor, now: context.now }, state), context);
    return accepted(contactId, result);
  }
}
