import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { decideOnCase } from '../decide-on-case.js';
import { placeClient } from './place-client.decide.js';
import type { PlaceClientBody } from './place-client.dto.js';

export class PlaceClientRequest extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: PlaceClientBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PlaceClientRequest)
export class PlaceClientHandler implements ICommandHandler<PlaceClientRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, body, context }: PlaceClientRequest): Promise<CommandAccepted> {
    return decideOnCase(this.store, context, caseId, (state) =>
      placeClient({ ...body, caseId, navIdent: context.actor, now: context.now }, state));
  }
}
