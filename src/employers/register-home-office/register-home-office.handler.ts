import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { employerHomeStream, registerHomeOffice } from '../employer-home.js';
import { employerHomeModel } from '../employer-models.js';
import { RegisterHomeOfficeCommand } from './register-home-office.command.js';

/** If-Match here is the revision of the employer's home stream (`employer-home-<orgNumber>`). */
@CommandHandler(RegisterHomeOfficeCommand)
export class RegisterHomeOfficeHandler implements ICommandHandler<RegisterHomeOfficeCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ orgNumber, context }: RegisterHomeOfficeCommand): Promise<CommandAccepted> {
    const streamId = employerHomeStream(orgNumber);
    const command = { orgNumber, officeNumber: context.officeNumber, navIdent: context.actor, now: context.now };
    const result = await decideOnStream(this.store, streamId, employerHomeModel, (state) => registerHomeOffice(command, state), context);
    return accepted(orgNumber, result);
  }
}
