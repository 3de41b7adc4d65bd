import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnCase } from '../decide-on-case.js';
import { recordFollowUp } from './record-follow-up.decide.js';
import { RecordFollowUpCommand } from './record-follow-up.command.js';

@CommandHandler(RecordFollowUpCommand)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUpCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, body, context }: RecordFollowUpCommand): Promise<CommandAccepted> {
    return decideOnCase(this.store, context, caseId, (state) =>
      recordFollowUp({ ...body, caseId, navIdent: context.actor, now: context.now }, state),
    );
  }
}
