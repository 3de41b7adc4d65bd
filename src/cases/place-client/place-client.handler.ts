import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnCase } from '../decide-on-case.js';
import { placeClient } from './place-client.decide.js';
import { PlaceClientCommand } from './place-client.command.js';

@CommandHandler(PlaceClientCommand)
export class PlaceClientHandler implements ICommandHandler<PlaceClientCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, body, context }: PlaceClientCommand): Promise<CommandAccepted> {
    return decideOnCase(this.store, context, caseId, (state) =>
      placeClient({ ...body, caseId, navIdent: context.actor, now: context.now }, state),
    );
  }
}
