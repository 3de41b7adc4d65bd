import { randomUUID } from 'node:crypto';
import { prepareAppend, type PreparedEvent } from '../append-input.js';
import { catchUpSubscription } from '../catch-up-subscription.js';
import { ChangeSignal } from '../change-signal.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { InvalidAppend, InvalidPosition } from '../event-store.errors.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  StreamAppend,
  Subscription,
} from '../event-store.port.js';
import { checkExpectedRevision } from '../expected-revision.js';
import { readWindow } from '../read-window.js';
import { prepareStreamAppends } from '../stream-appends.js';
import { categoryOfStream } from '../stream-names.js';

/** Same semantics as the PostgreSQL store, in process memory: for unit and API tests. */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly signal = new ChangeSignal();
  private lastPosition = 0;
  private readonly name = `memory:${randomUUID()}`;

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const input = prepareAppend(streamId, events, options.expectedRevision);
    const retried = this.earlierAppend(
      streamId,
      input.events.map((e) => e.id),
    );
    if (retried) return retried;
    checkExpectedRevision(streamId, input.expectedRevision, (this.streams.get(streamId)?.length ?? 0) - 1);
    const result = this.store(streamId, input.events, new Date().toISOString());
    this.signal.notify();
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const input = prepareStreamAppends(appends);
    const retried = input.map((a) =>
      this.earlierAppend(
        a.streamId,
        a.events.map((e) => e.id),
      ),
    );
    if (retried.every((r) => r !== undefined)) return retried as AppendResult[];
    if (retried.some((r) => r !== undefined)) throw new InvalidAppend('Some of these event ids are already stored; not appending');
    // Every check before the first event is stored: all or none.
    for (const a of input) checkExpectedRevision(a.streamId, a.expectedRevision, (this.streams.get(a.streamId)?.length ?? 0) - 1);
    const recordedAt = new Date().toISOString();
    const results = input.map((a) => this.store(a.streamId, a.events, recordedAt));
    this.signal.notify();
    return results;
  }

  private store(streamId: string, events: readonly PreparedEvent[], recordedAt: string): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const recorded = events.map((event, i): RecordedEvent => ({
      id: event.id,
      type: event.type,
      // A stored copy, as a database would keep: later changes to the caller's objects do not leak in.
      data: JSON.parse(event.dataJson),
      metadata: JSON.parse(event.metadataJson),
      streamId,
      revision: stream.length + i,
      position: ++this.lastPosition,
      recordedAt,
    }));
    stream.push(...recorded);
    this.streams.set(streamId, stream);
    this.log.push(...recorded);
    for (const event of recorded) this.byId.set(event.id, event);
    return resultOf(streamId, recorded);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = (this.streams.get(streamId) ?? []).filter((e) => options.toPosition === undefined || e.position <= options.toPosition);
    return readWindow(stream, (e) => e.revision, options.fromRevision, options.direction, options.limit).map(copy);
  }

  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    return Promise.all(streamIds.map((id) => this.readStream(id)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    // Positions here are 1, 2, 3…: any of them up to the last is an event's.
    const { after } = options;
    if (after && !(Number.isInteger(after) && after > 0 && after <= this.lastPosition)) throw new InvalidPosition(after);
    const types = options.types?.length ? new Set(options.types) : undefined;
    const from = options.recordedFrom === undefined ? undefined : Date.parse(options.recordedFrom);
    const before = options.recordedBefore === undefined ? undefined : Date.parse(options.recordedBefore);
    const matching = this.log.filter(
      (e) =>
        (options.toPosition === undefined || e.position <= options.toPosition) &&
        (from === undefined || Date.parse(e.recordedAt) >= from) &&
        (before === undefined || Date.parse(e.recordedAt) < before) &&
        (!options.streamPrefix || e.streamId.startsWith(options.streamPrefix)) &&
        (!types || types.has(e.type)),
    );
    const backwards = options.direction === 'backwards';
    const start = options.after === undefined ? undefined : backwards ? options.after - 1 : options.after + 1;
    return readWindow(matching, (e) => e.position, start, options.direction, options.limit).map(copy);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return catchUpSubscription({ readAll: (o) => this.readAll(o), signal: this.signal, pollIntervalMs: 1000 }, options);
  }

  async headPosition(): Promise<number> {
    return this.lastPosition;
  }

  /** Positions here are 1, 2, 3…, one per event: the count is their difference. */
  async countEventsBetween(after: number, upTo: number, limit: number): Promise<number> {
    return Math.max(0, Math.min(limit, Math.min(upTo, this.lastPosition) - Math.max(after, 0)));
  }

  async streamCategories(toPosition: number): Promise<string[]> {
    const categories = new Set(this.log.filter((e) => e.position <= toPosition).map((e) => categoryOfStream(e.streamId)));
    return [...categories].sort();
  }

  /** Each in-memory store is a log of its own, gone with the process. */
  async identity(): Promise<string> {
    return this.name;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.signal.notify();
  }

  /** A retry of an append whose events are already stored answers as the first time. */
  private earlierAppend(streamId: string, ids: string[]): AppendResult | undefined {
    const stored = ids.map((id) => this.byId.get(id));
    if (stored.every((e) => e === undefined)) return undefined;
    if (stored.every((e) => e?.streamId === streamId)) return resultOf(streamId, stored as RecordedEvent[]);
    throw new InvalidAppend(`Some of these event ids are already stored elsewhere; not appending to ${streamId}`);
  }
}

const copy = (e: RecordedEvent): RecordedEvent => structuredClone(e);

const resultOf = (streamId: string, events: RecordedEvent[]): AppendResult => {
  const last = events[events.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events: events.map(copy) };
};
