import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '../../../libs/event-store/src/index.js';
import { EVENT_STORE } from '../../infrastructure/event-store.module.js';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { CASE_STREAM_KIND } from '../case.js';
import { caseModel } from '../case-model.js';
import { enrolClient } from './enrol-client.decide.js';
import type { EnrolClientInput } from './enrol-client.dto.js';

export class EnrolClientRequest extends Command<CommandAccepted> {
  constructor(
    readonly input: EnrolClientInput,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EnrolClientRequest)
export class EnrolClientHandler implements ICommandHandler<EnrolClientRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ input, context }: EnrolClientRequest): Promise<CommandAccepted> {
    const caseId = idFor(context, 'case');
    const streamId = officeStream(context.officeNumber, CASE_STREAM_KIND, caseId);
    const result = await decideOnStream(this.store, streamId, caseModel, (state) =>
      enrolClient({ ...input, caseId, navIdent: context.actor, now: context.now }, state), context);
    return accepted(caseId, result);
  }
}
