import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { decideOnCase } from '../decide-on-case.js';
import { recordFollowUp } from './record-follow-up.decide.js';
import type { RecordFollowUpBody } from './record-follow-up.dto.js';

export class RecordFollowUpRequest extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: RecordFollowUpBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordFollowUpRequest)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUpRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, body, context }: RecordFollowUpRequest): Promise<CommandAccepted> {
    return decideOnCase(this.store, context, caseId, (state) =>
      recordFollowUp({ ...body, caseId, navIdent: context.actor, now: context.now }, state));
  }
}
