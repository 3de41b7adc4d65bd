import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { decideOnCase } from '../decide-on-case.js';
import { exitClient } from './exit-client.decide.js';
import type { ExitClientBody } from './exit-client.dto.js';

export class ExitClientRequest extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: ExitClientBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExitClientRequest)
export class ExitClientHandler implements ICommandHandler<ExitClientRequest> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, body, context }: ExitClientRequest): Promise<CommandAccepted> {
    return decideOnCase(this.store, context, caseId, (state) =>
      exitClient({ ...body, caseId, navIdent: context.actor, now: context.now }, state));
  }
}
