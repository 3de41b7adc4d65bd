import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { officeStream, type EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/event-store';
import { accepted } from '../../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../../shared/commands/command-context.js';
import { idFor } from '../../shared/commands/command-ids.js';
import { foldStream, newEvents, retryOnConflict, storedBefore } from '../../shared/commands/decide-on-stream.js';
import { CASE_STREAM_KIND } from '../case.js';
import { caseModel } from '../case-model.js';
import { receiveTransferredCase, transferCase } from './transfer-case.decide.js';
import { TransferCaseCommand } from './transfer-case.command.js';

/**
 * Two streams, one atomic append: the case ends at the sending office and starts at the
 * receiving one together, or neither happens. Answers with the new case.
 */
@CommandHandler(TransferCaseCommand)
export class TransferCaseHandler implements ICommandHandler<TransferCaseCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, body, context }: TransferCaseCommand): Promise<CommandAccepted> {
    const newCaseId = idFor(context, 'transferred-case');
    const from = context.officeNumber;
    const outStream = officeStream(from, CASE_STREAM_KIND, caseId);
    const inStream = officeStream(body.toOfficeNumber, CASE_STREAM_KIND, newCaseId);
    // The receiving stream is new, so If-Match (about the sending case) does not apply to it.
    const arrival: CommandContext = { ...context, officeNumber: body.toOfficeNumber, expectedRevision: undefined };
    const arrived = await retryOnConflict(context, async () => {
      const [outHistory, inHistory] = await this.store.readStreams([outStream, inStream]);
      const earlier = storedBefore(arrival, inStream, inHistory);
      if (earlier) return earlier;
      const sending = foldStream(caseModel, outStream, outHistory, context);
      const receiving = foldStream(caseModel, inStream, inHistory, arrival);
      const transfer = { ...body, caseId, newCaseId, fromOfficeNumber: from, navIdent: context.actor, now: context.now };
      const [out] = transferCase(transfer, sending.state);
      const into = receiveTransferredCase({ fromOfficeNumber: from, transferredOut: out!.data }, receiving.state);
      const [, stored] = await this.store.appendToStreams([
        { streamId: outStream, events: newEvents(context, outStream, [out!]), expectedRevision: sending.expectedRevision },
        { streamId: inStream, events: newEvents(arrival, inStream, into), expectedRevision: receiving.expectedRevision },
      ]);
      return stored!;
    });
    return accepted(newCaseId, arrived);
  }
}
