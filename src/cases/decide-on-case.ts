import { officeStream, type EventStore } from '@app/event-store';
import { accepted } from '../shared/commands/accepted.js';
import type { CommandAccepted, CommandContext } from '../shared/commands/command-context.js';
import { decideOnStream } from '../shared/commands/decide-on-stream.js';
import { CASE_STREAM_KIND, type CaseEvent, type CaseState } from './case.js';
import { caseModel } from './case-model.js';

/** A step on an existing case of the caller's office: its stream, the decision, the 201 answer. */
export async function decideOnCase(
  store: EventStore,
  context: CommandContext,
  caseId: string,
  decide: (state: CaseState) => CaseEvent[],
): Promise<CommandAccepted> {
  const streamId = officeStream(context.officeNumber, CASE_STREAM_KIND, caseId);
  return accepted(caseId, await decideOnStream(store, streamId, caseModel, decide, context));
}
