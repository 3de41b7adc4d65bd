import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { PlaceClientBody } from './place-client.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class PlaceClientCommand extends Command<CommandAccepted> {
  constructor(
    readonly caseId: string,
    readonly body: PlaceClientBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
