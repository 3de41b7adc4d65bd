import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, officeStream, type EventStore } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { EMPLOYER_STREAM_KIND } from '../employer.js';
import { employerContactsModel } from '../employer-contacts.js';
import { correctEmployerContact } from './correct-employer-contact.decide.js';
import { CorrectEmployerContactCommand } from './correct-employer-contact.command.js';

@CommandHandler(CorrectEmployerContactCommand)
export class CorrectEmployerContactHandler implements ICommandHandler<CorrectEmployerContactCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ contactId, body, context }: CorrectEmployerContactCommand): Promise<CommandAccepted> {
    const streamId = officeStream(context.officeNumber, EMPLOYER_STREAM_KIND, body.orgNumber);
    const result = await decideOnStream(
      this.store,
      streamId,
      employerContactsModel,
      (state) => correctEmployerContact({ ...body, contactId, navIdent: context.actor, now: context.now }, state),
      context,
    );
    return accepted(contactId, result);
  }
}
