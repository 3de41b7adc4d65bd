import { Command } from '@nestjs/cqrs';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import type { CorrectEmployerContactBody } from './correct-employer-contact.dto.js';

/** The command as it travels the CommandBus from the controller to its handler. */
export class CorrectEmployerContactCommand extends Command<CommandAccepted> {
  constructor(
    readonly contactId: string,
    readonly body: CorrectEmployerContactBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}
