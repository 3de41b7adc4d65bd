import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { CASE_STREAM_KIND } from '../case.js';
import { caseModel } from '../case-model.js';
import { enrolClient } from './enrol-client.decide.js';
import { EnrolClientCommand } from './enrol-client.command.js';

@CommandHandler(EnrolClientCommand)
export class EnrolClientHandler implements ICommandHandler<EnrolClientCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ input, context }: EnrolClientCommand): Promise<CommandAccepted> {
    const caseId = idFor(context, 'case');
    const streamId = officeStream(context.officeNumber, CASE_STREAM_KIND, caseId);
    const result = await decideOnStream(this.store, streamId, caseModel, (state) =>
      enrolClient({ ...input, caseId, navIdent: context.actor, now: context.now }, state), context);
    return accepted(caseId, result);
  }
}
