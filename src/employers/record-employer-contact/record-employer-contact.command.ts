import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { RecordEmployerContactBody } from './record-employer-contact.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class RecordEmployerContactCommand extends Command<CommandAccepted> {
  constructor(
    readonly body: RecordEmployerContactBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
