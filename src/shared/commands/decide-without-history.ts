import type { AppendResult, DomainEvent, EventStore } from '../../../libs/event-store/src/index.js';
import type { CommandContext } from './command-context.js';
import { decideOnStream, newEvents, type StreamModel } from './decide-on-stream.js';

/**
 * For a decider whose decision never depends on the stream's history (an employer takes any
 * number of contacts, in any order). Reading the stream would only feed a state the decision
 * ignores, so without If-Match the events are appended at any revision: one round trip instead
 * of two, and no cost that grows with the stream. With If-Match the stream is read and checked
 * first, exactly as `decideOnStream` does, so a stale revision still answers 412 before anything else.
 */
export async function decideWithoutHistory<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  model: StreamModel<State, Event>,
  decide: (state: State) => Event[],
  context: CommandContext,
): Promise<AppendResult> {
  if (context.expectedRevision !== undefined) return decideOnStream(store, streamId, model, decide, context);
  return store.append(streamId, newEvents(decide(model.initialState()), context), { expectedRevision: 'any' });
}
