import {
  WrongExpectedRevision,
  type AppendResult,
  type DomainEvent,
  type EventStore,
  type ExpectedRevision,
} from '../../../libs/event-store/src/index.js';
import { RevisionMismatch } from '../http/errors/revision-mismatch.error.js';
import type { CommandContext } from './command-context.js';
import { schemaVersionOf } from './schema-versions.js';
import { traceContextMetadata } from '../../telemetry/trace-context.js';

export interface StreamModel<State, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
}

/** Without If-Match a concurrent writer is not the caller's problem: decide again on the new state. */
const MAX_ATTEMPTS = 8;

/**
 * The whole of a command handler's work: load the stream, fold it, decide, append with the
 * revision the decision was made on. A decision that throws appends nothing.
 */
export async function decideOnStream<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  model: StreamModel<State, Event>,
  decide: (state: State) => Event[],
  context: CommandContext,
): Promise<AppendResult> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const state = history.reduce((s, e) => model.evolve(s, e as unknown as Event), model.initialState());
    const current = history.length - 1;
    if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
      throw new RevisionMismatch(streamId, context.expectedRevision, current);
    }
    const events = decide(state);
    const expectedRevision: ExpectedRevision = current < 0 ? 'no_stream' : current;
    try {
      return await store.append(
        streamId,
        events.map((event) => ({ type: event.type, data: event.data, metadata: metadataFor(event.type, context) })),
        { expectedRevision },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (context.expectedRevision !== undefined) {
        throw new RevisionMismatch(streamId, context.expectedRevision, error.actual);
      }
      if (attempt >= MAX_ATTEMPTS) throw error;
      // A little jitter so writers that collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

const metadataFor = (type: string, context: CommandContext) => ({
  actor: context.actor,
  officeNumber: context.officeNumber,
  commandId: context.commandId,
  correlationId: context.correlationId,
  causationId: context.causationId,
  schemaVersion: schemaVersionOf(type),
  // With tracing on: the command's span, which the projection batches that fold the event link to.
  ...traceContextMetadata(),
});
