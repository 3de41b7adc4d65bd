import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnCase } from '../decide-on-case.js';
import { exitClient } from './exit-client.decide.js';
import { ExitClientCommand } from './exit-client.command.js';

@CommandHandler(ExitClientCommand)
export class ExitClientHandler implements ICommandHandler<ExitClientCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, body, context }: ExitClientCommand): Promise<CommandAccepted> {
    return decideOnCase(this.store, context, caseId, (state) =>
      exitClient({ ...body, caseId, navIdent: context.actor, now: context.now }, state),
    );
  }
}
