import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { officeStream, type EventStore, EVENT_STORE } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted } from '../../shared/commands/command-context.js';
import { decideOnStream } from '../../shared/commands/decide-on-stream.js';
import { CASE_STREAM_KIND, type ClientTransferredOut } from '../case.js';
import { caseModel } from '../case-model.js';
import { receiveTransferredCase, transferCase } from './transfer-case.decide.js';
import { TransferCaseCommand } from './transfer-case.command.js';

/**
 * Two streams, two appends: the sending case ends first (the decision that can be refused),
 * then the case starts at the receiving office. Answers with the new case.
 */
@CommandHandler(TransferCaseCommand)
export class TransferCaseHandler implements ICommandHandler<TransferCaseCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, body, context }: TransferCaseCommand): Promise<CommandAccepted> {
    const newCaseId = uuidv7();
    const from = context.officeNumber;
    const out = await decideOnStream(this.store, officeStream(from, CASE_STREAM_KIND, caseId), caseModel, (state) =>
      transferCase({ ...body, caseId, newCaseId, fromOfficeNumber: from, navIdent: context.actor, now: context.now }, state), context);
    const transferredOut = out.events[0] as unknown as ClientTransferredOut;
    // The receiving stream is new, so If-Match (about the sending case) does not apply to it.
    const arrival = { ...context, officeNumber: body.toOfficeNumber, expectedRevision: undefined };
    const arrived = await decideOnStream(this.store, officeStream(body.toOfficeNumber, CASE_STREAM_KIND, newCaseId), caseModel, (state) =>
      receiveTransferredCase({ fromOfficeNumber: from, transferredOut: transferredOut.data }, state), arrival);
    return accepted(newCaseId, arrived);
  }
}
