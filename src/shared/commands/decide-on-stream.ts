import {
  WrongExpectedRevision,
  type AppendResult,
  type DomainEvent,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '@app/event-store';
import { RevisionMismatch } from '../errors/revision-mismatch.error.js';
import type { CommandContext } from './command-context.js';
import { idFor } from './command-ids.js';
import { schemaVersionOf } from './schema-versions.js';
import { traceContextMetadata } from '../telemetry/trace-context.js';

export interface StreamModel<State, Event extends DomainEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
}

/**
 * The whole of a command handler's work: load the stream, fold it, decide, append with the
 * revision the decision was made on. A decision that throws appends nothing. A retry of a command
 * whose events are stored already is answered with them, before anything is decided again.
 */
export async function decideOnStream<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  model: StreamModel<State, Event>,
  decide: (state: State) => Event[],
  context: CommandContext,
): Promise<AppendResult> {
  return retryOnConflict(context, async () => {
    const history = await store.readStream(streamId);
    const earlier = storedBefore(context, streamId, history);
    if (earlier) return earlier;
    const { state, expectedRevision } = foldStream(model, streamId, history, context);
    const events = decide(state);
    // A decision that changes nothing (taking an inquiry one holds already) appends nothing and answers the stream as it is.
    if (events.length === 0) return unchanged(streamId, history);
    return store.append(streamId, newEvents(context, streamId, events), { expectedRevision });
  });
}

const unchanged = (streamId: string, history: readonly RecordedEvent[]): AppendResult => {
  const last = history.at(-1);
  return { streamId, revision: last?.revision ?? -1, position: last?.position ?? 0, events: [] };
};

/** Without If-Match a concurrent writer is not the caller's problem: decide again on the new state. */
const MAX_ATTEMPTS = 8;

/**
 * Runs `attempt` again when a concurrent writer moved a stream; with If-Match that is a 412 instead (when
 * `ifMatchStreamId` is given, only for that stream).
 */
export async function retryOnConflict<T>(context: CommandContext, attempt: () => Promise<T>, ifMatchStreamId?: string): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      // If-Match is about one stream: another stream of the same atomic append that moved is decided again.
      const aboutIfMatch = ifMatchStreamId === undefined || error.streamId === ifMatchStreamId;
      if (context.expectedRevision !== undefined && aboutIfMatch) {
        throw new RevisionMismatch(error.streamId, context.expectedRevision, error.actual);
      }
      if (n >= MAX_ATTEMPTS) throw error;
      // A little jitter so writers that collided do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * n));
    }
  }
}

/** The stream's state, and the revision to append at; checks If-Match (when it applies to this stream). */
export function foldStream<State, Event extends DomainEvent>(
  model: StreamModel<State, Event>,
  streamId: string,
  history: readonly RecordedEvent[],
  context: CommandContext,
): { state: State; expectedRevision: ExpectedRevision } {
  const state = history.reduce((s, e) => model.evolve(s, e as unknown as Event), model.initialState());
  const current = history.length - 1;
  if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
    throw new RevisionMismatch(streamId, context.expectedRevision, current);
  }
  return { state, expectedRevision: current < 0 ? 'no_stream' : current };
}

/**
 * The command's own events (`streamId`) with what it writes to other streams (`others`), in one
 * atomic append. Alone, they go by the store's plain append, which it commits in groups. Its own go
 * last: their position, the one answered, is then the whole append's last (for minPosition).
 */
export async function appendWithOthers(
  store: EventStore,
  own: StreamAppend & { expectedRevision: ExpectedRevision },
  others: readonly StreamAppend[],
): Promise<AppendResult> {
  if (others.length === 0) return store.append(own.streamId, own.events, { expectedRevision: own.expectedRevision });
  const stored = await store.appendToStreams([...others, own]);
  return stored.at(-1)!;
}

/** The decided events as the store takes them: ids (derived when the command may be retried) and metadata. */
export const newEvents = (context: CommandContext, streamId: string, events: readonly DomainEvent[]): NewEvent[] =>
  events.map((event, n) => ({
    id: context.retryable ? eventIdFor(context, streamId, n) : undefined,
    type: event.type,
    data: event.data,
    metadata: {
      actor: context.actor,
      officeNumber: context.officeNumber,
      commandId: context.commandId,
      correlationId: context.correlationId,
      causationId: context.causationId,
      schemaVersion: schemaVersionOf(event.type),
      // With tracing on: the command's span, which the projection batches that fold the event link to.
      ...traceContextMetadata(),
    },
  }));

/** What this command stored in the stream on an earlier attempt, if it did: the answer to give again. */
export function storedBefore(context: CommandContext, streamId: string, history: readonly RecordedEvent[]): AppendResult | undefined {
  if (!context.retryable) return undefined;
  const stored: RecordedEvent[] = [];
  let next = eventIdFor(context, streamId, 0);
  for (const event of history) {
    if (event.id !== next) continue;
    stored.push(event);
    next = eventIdFor(context, streamId, stored.length);
  }
  const last = stored.at(-1);
  return last && { streamId, revision: last.revision, position: last.position, events: stored };
}

const eventIdFor = (context: CommandContext, streamId: string, n: number): string => idFor(context, `event:${streamId}:${n}`);
