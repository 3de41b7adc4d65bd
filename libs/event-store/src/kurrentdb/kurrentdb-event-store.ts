import {
  KurrentDBClient,
  START,
  WrongExpectedVersionError,
  jsonEvent,
  type AppendResult as KurrentAppendResult,
  type JSONType,
  type MultiAppendResult,
} from '@kurrent/kurrentdb-client';
import { prepareAppend, type PreparedEvent } from '../append-input.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { InvalidAppend, WrongExpectedRevision } from '../event-store.errors.js';
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
import { prepareStreamAppends, type PreparedStreamAppend } from '../stream-appends.js';
import { isSelected, serverFilter } from './kurrentdb-filter.js';
import { encodeMetadata, withRecordedAt } from './kurrentdb-metadata.js';
import { fromResolved, toAppendState, toPosition, toWrongExpectedRevision } from './kurrentdb-mapping.js';
import { PAGE_SIZE, readAllPage, readStreamPage } from './kurrentdb-pages.js';
import { lastEventPosition, readAllEvents } from './kurrentdb-read-all.js';
import { kurrentDbIdentity } from './kurrentdb-identity.js';
import { readBackAppended } from './kurrentdb-read-back.js';
import { APPEND_ATTEMPTS, isInDoubt, pauseBefore, storedAppend } from './kurrentdb-retries.js';
import { batchedSubscription } from './kurrentdb-subscription.js';

const DEFAULT_BATCH_SIZE = 500;

/**
 * The port over KurrentDB/EventStoreDB. Stream revisions and `$all` commit positions are the
 * server's own; the server stores a retried event id once, which makes appends idempotent.
 */
export class KurrentDbEventStore implements EventStore {
  /** Appends of the same ids under way in this process: the later ones get the first one's answer. */
  private readonly appending = new Map<string, Promise<AppendResult>>();
  private named?: Promise<string>;

  constructor(
    private readonly client: KurrentDBClient,
    /** The instant an append is recorded at (the port stamps one per append). */
    private readonly now: () => Date = () => new Date(),
  ) {}

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const input = prepareAppend(streamId, events, options.expectedRevision);
    const key = `${streamId}\n${input.events.map((e) => e.id).join(',')}`;
    const running = this.appending.get(key);
    if (running) return running;
    const appended = this.appendOnce(streamId, input).finally(() => this.appending.delete(key));
    this.appending.set(key, appended);
    return appended;
  }

  private async appendOnce(streamId: string, input: ReturnType<typeof prepareAppend>): Promise<AppendResult> {
    const ids = input.events.map((e) => e.id);
    // With `any`/`exists` the server recognises a retry only while the first append is in its
    // bounded in-memory cache (lost on restart): look for the ids first.
    if (input.expectedRevision === 'any' || input.expectedRevision === 'exists') {
      const earlier = await this.storedAppend(streamId, ids);
      if (earlier) return earlier;
    }
    const recordedAt = this.now().toISOString();
    const proposed = input.events.map((e) => toProposed(e, withRecordedAt(e.metadata, recordedAt) as JSONType));
    let answer: KurrentAppendResult | undefined;
    for (let attempt = 0; !answer; attempt++) {
      try {
        answer = await this.client.appendToStream(streamId, proposed, { streamState: toAppendState(input.expectedRevision) });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) throw toWrongExpectedRevision(streamId, input.expectedRevision, error);
        if (!isInDoubt(error) || attempt + 1 >= APPEND_ATTEMPTS) throw error;
        const earlier = await this.storedAppend(streamId, ids).catch(() => undefined);
        if (earlier) return earlier;
        await pauseBefore(attempt);
      }
    }
    // `throwOnAppendFailure=false` in the connection string answers instead of throwing, and its
    // revision is not to be trusted then (the client reports a boolean as the revision).
    if (!answer.success) throw new WrongExpectedRevision(streamId, input.expectedRevision, await this.lastRevision(streamId));
    // The answer holds the last revision only (and no position at all for a retry the server
    // recognised): read the appended events back, from the leader, for their positions and times.
    return this.readBack(streamId, ids, Number(answer.nextExpectedRevision));
  }

  /** What an earlier append of these ids stored in the stream, if it did. */
  private async storedAppend(streamId: string, ids: readonly string[]): Promise<AppendResult | undefined> {
    return storedAppend(streamId, await this.readStream(streamId, { direction: 'backwards' }), ids);
  }

  /**
   * `multiStreamAppend` (KurrentDB 25.1 or newer): one transaction over every stream. Metadata
   * travels as string properties there (kurrentdb-metadata.ts). A refused append whose events
   * are all stored already is a retry, answered with what was stored; so is one whose answer got lost.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const input = prepareStreamAppends(appends);
    const recordedAt = this.now().toISOString();
    let answer: MultiAppendResult;
    try {
      answer = await this.client.multiStreamAppend(
        input.map((a) => ({
          streamName: a.streamId,
          expectedState: toAppendState(a.expectedRevision),
          events: a.events.map((e) => toProposed(e, encodeMetadata(withRecordedAt(e.metadata, recordedAt)))),
        })),
      );
    } catch (error) {
      // A lost answer (an election, a deadline) may hide a stored transfer: look before failing.
      if (!(error instanceof WrongExpectedVersionError) && !isInDoubt(error)) throw error;
      const earlier = await this.earlierAppends(input);
      if (earlier) return earlier;
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const refused = input.find((a) => a.streamId === error.streamName) ?? input[0]!;
      throw toWrongExpectedRevision(refused.streamId, refused.expectedRevision, error);
    }
    return Promise.all(
      input.map(async (a) => {
        const revision = answer.responses.find((r) => r.streamName === a.streamId)?.revision;
        if (revision === undefined) throw new Error(`KurrentDB answered no revision for ${a.streamId}`);
        return this.readBack(
          a.streamId,
          a.events.map((e) => e.id),
          Number(revision),
        );
      }),
    );
  }

  /** Every append's events, if all of them are stored in their streams; undefined if none is. */
  private async earlierAppends(input: readonly PreparedStreamAppend[]): Promise<AppendResult[] | undefined> {
    const found = await Promise.all(
      input.map(async (a) => {
        const stored = await this.readStream(a.streamId, { direction: 'backwards' });
        const ids = a.events.map((e) => e.id);
        return stored.some((e) => ids.includes(e.id)) ? storedAppend(a.streamId, stored, ids) : undefined;
      }),
    );
    if (found.every((f) => f === undefined)) return undefined;
    if (found.some((f) => f === undefined)) throw new InvalidAppend('Some of these event ids are already stored; not appending');
    return found as AppendResult[];
  }

  private async readBack(streamId: string, ids: readonly string[], lastRevision: number): Promise<AppendResult> {
    const read = (from: number | undefined, limit: number | undefined, direction: 'forwards' | 'backwards') =>
      this.readStream(streamId, { fromRevision: from, limit, direction });
    const stored = await readBackAppended(read, streamId, ids, lastRevision);
    const last = stored[stored.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events: stored };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const { toPosition: upTo } = options;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let from: bigint | 'start' | 'end' = options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? 'end' : 'start';
    while (events.length < limit) {
      const page = await readStreamPage(this.client, streamId, { from, direction: backwards ? 'backwards' : 'forwards' });
      for (const resolved of page) {
        const event = fromResolved(resolved);
        if (!event) continue;
        if (upTo !== undefined && event.position > upTo) {
          if (backwards) continue;
          return events;
        }
        events.push(event);
        if (events.length >= limit) return events;
      }
      const last = page.at(-1)?.event?.revision;
      // A stream read is not filtered: a page short of its count is the stream's end.
      if (page.length < PAGE_SIZE || last === undefined || (backwards && last === 0n)) return events;
      from = backwards ? last - 1n : last + 1n;
    }
    return events;
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllEvents(this.client, options);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const after = options.after ?? 0;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const source = this.client.subscribeToAll(
      { fromPosition: after > 0 ? toPosition(after) : START, filter: serverFilter(options) },
      // Lets a batch hold up to `batchSize` events that already arrived (the default is 16).
      { highWaterMark: batchSize },
    );
    return batchedSubscription(
      source,
      (resolved) => {
        const event = fromResolved(resolved);
        return event && event.position > after && isSelected(options, event) ? event : undefined;
      },
      batchSize,
    );
  }

  headPosition(): Promise<number> {
    return lastEventPosition(this.client);
  }

  identity(): Promise<string> {
    this.named ??= kurrentDbIdentity(this.client).catch((error: unknown) => {
      this.named = undefined;
      throw error;
    });
    return this.named;
  }

  async ping(): Promise<void> {
    await readAllPage(this.client, { from: 'end', direction: 'backwards', count: 1 });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The stream's last revision, -1 when it has none. */
  private async lastRevision(streamId: string): Promise<number> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', limit: 1 });
    return last?.revision ?? -1;
  }
}

/** An event as the client sends it; metadata as the kind of append needs it. */
const toProposed = (e: PreparedEvent, metadata: JSONType) =>
  jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataJson) as JSONType, metadata });

/** A store over a KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
export async function createKurrentDbEventStore(options: { connectionString: string }): Promise<KurrentDbEventStore> {
  return new KurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString));
}
