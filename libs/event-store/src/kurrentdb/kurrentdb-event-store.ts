import {
  KurrentDBClient,
  START,
  WrongExpectedVersionError,
  jsonEvent,
  type JSONType,
  type MultiAppendResult,
} from '@kurrent/kurrentdb-client';
import { prepareAppend, type PreparedEvent } from '../append-input.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { InvalidAppend } from '../event-store.errors.js';
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
import { claimedFor, idClaims, isIdClaim } from './kurrentdb-id-claims.js';
import { encodeMetadata, withRecordedAt } from './kurrentdb-metadata.js';
import { fromResolved, toAppendState, toPosition, toWrongExpectedRevision } from './kurrentdb-mapping.js';
import { PAGE_SIZE, readAllPage, readStreamPage } from './kurrentdb-pages.js';
import { lastEventPosition, readAllEvents } from './kurrentdb-read-all.js';
import { streamCategoriesUpTo } from './kurrentdb-categories.js';
import { kurrentDbIdentity } from './kurrentdb-identity.js';
import { readBackAppended } from './kurrentdb-read-back.js';
import { APPEND_ATTEMPTS, isInDoubt, pauseBefore, storedAppend } from './kurrentdb-retries.js';
import { batchedSubscription } from './kurrentdb-subscription.js';

const DEFAULT_BATCH_SIZE = 500;

/**
 * The port over KurrentDB 25.1. Stream revisions and `$all` commit positions are the server's
 * own; every append is a multi-stream transaction that also claims its event ids, which makes
 * appends idempotent by id across streams, as on the other stores (kurrentdb-id-claims.ts).
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

  /**
   * One multi-stream transaction (KurrentDB 25.1): the events, and a claim of each of their ids
   * (kurrentdb-id-claims.ts), so ids already stored in another stream are refused as on the other
   * stores. A claim that exists means the ids were stored before: in this stream it is a retry,
   * answered with what was stored (also when the server no longer remembers the first write).
   */
  private async appendOnce(streamId: string, input: ReturnType<typeof prepareAppend>): Promise<AppendResult> {
    const ids = input.events.map((e) => e.id);
    const recordedAt = this.now().toISOString();
    // Claims first: the events are then the last records of the transaction, where `headPosition` finds them at once.
    const requests = [
      ...idClaims(streamId, ids),
      {
        streamName: streamId,
        expectedState: toAppendState(input.expectedRevision),
        events: input.events.map((e) => toProposed(e, encodeMetadata(withRecordedAt(e.metadata, recordedAt)))),
      },
    ];
    let answer: MultiAppendResult | undefined;
    for (let attempt = 0; !answer; attempt++) {
      try {
        answer = await this.client.multiStreamAppend(requests);
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && !isIdClaim(error.streamName ?? '')) {
          throw toWrongExpectedRevision(streamId, input.expectedRevision, error);
        }
        if (error instanceof WrongExpectedVersionError) {
          return this.answerClaimed(error.streamName!, [streamId], () => this.storedAppend(streamId, ids));
        }
        if (!isInDoubt(error) || attempt + 1 >= APPEND_ATTEMPTS) throw error;
        const earlier = await this.storedAppend(streamId, ids).catch(() => undefined);
        if (earlier) return earlier;
        await pauseBefore(attempt);
      }
    }
    // The answer holds the last revision only: read the appended events back, from the leader, for their positions and times.
    return this.readBack(streamId, ids, Number(answerFor(answer, streamId)));
  }

  /**
   * Ids already claimed (`claim` is the claim the server named). Claimed for another stream than
   * these: refused, as stored elsewhere. Claimed for one of these: a retry, answered with what was
   * stored, once it can be read (a concurrent append of the same ids may still be on its way).
   */
  private async answerClaimed<T>(claim: string, streams: readonly string[], stored: () => Promise<T | undefined>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // The claim as the leader has it; none readable yet while the write that made it is on its way.
      const [record] = await readStreamPage(this.client, claim, { from: 'start', direction: 'forwards', count: 1 });
      const owner = claimedFor(record);
      if (owner !== undefined && !streams.includes(owner)) {
        throw new InvalidAppend(`Some of these event ids are already stored elsewhere; not appending to ${streams.join(', ')}`);
      }
      const earlier = owner === undefined ? undefined : await stored();
      if (earlier) return earlier;
      // Claimed for one of these streams, readable, yet not this append stored again: the ids went with other events.
      if (owner !== undefined) {
        throw new InvalidAppend(`Some of these event ids are already stored with other events; not appending to ${streams.join(', ')}`);
      }
      if (attempt + 1 >= APPEND_ATTEMPTS) throw new Error(`KurrentDB: ids appended to ${streams.join(', ')} are claimed, not yet readable`);
      await pauseBefore(attempt);
    }
  }

  /** What an earlier append of these ids stored in the stream, if it did. */
  private async storedAppend(streamId: string, ids: readonly string[]): Promise<AppendResult | undefined> {
    return storedAppend(streamId, await this.readStream(streamId, { direction: 'backwards' }), ids);
  }

  /**
   * `multiStreamAppend` (KurrentDB 25.1 or newer): one transaction over every stream. Metadata
   * travels as string properties there (kurrentdb-metadata.ts), with a claim of every event id
   * (kurrentdb-id-claims.ts). A refused append whose events are all stored already is a retry,
   * answered with what was stored; so is one whose answer got lost.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const input = prepareStreamAppends(appends);
    const recordedAt = this.now().toISOString();
    let answer: MultiAppendResult;
    try {
      answer = await this.client.multiStreamAppend([
        ...input.flatMap((a) =>
          idClaims(
            a.streamId,
            a.events.map((e) => e.id),
          ),
        ),
        ...input.map((a) => ({
          streamName: a.streamId,
          expectedState: toAppendState(a.expectedRevision),
          events: a.events.map((e) => toProposed(e, encodeMetadata(withRecordedAt(e.metadata, recordedAt)))),
        })),
      ]);
    } catch (error) {
      // A lost answer (an election, a deadline) may hide a stored transfer: look before failing.
      if (!(error instanceof WrongExpectedVersionError) && !isInDoubt(error)) throw error;
      const earlier = await this.earlierAppends(input);
      if (earlier) return earlier;
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (isIdClaim(error.streamName ?? '')) {
        const streams = input.map((a) => a.streamId);
        return this.answerClaimed(error.streamName!, streams, () => this.earlierAppends(input));
      }
      const refused = input.find((a) => a.streamId === error.streamName) ?? input[0]!;
      throw toWrongExpectedRevision(refused.streamId, refused.expectedRevision, error);
    }
    return Promise.all(
      input.map((a) =>
        this.readBack(
          a.streamId,
          a.events.map((e) => e.id),
          Number(answerFor(answer, a.streamId)),
        ),
      ),
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

  /** KurrentDB reads a stream per call: the streams are read side by side. */
  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    return Promise.all(streamIds.map((id) => this.readStream(id)));
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

  /** Positions are byte offsets here: the events are read, in bounded pages, and counted. */
  async countEventsBetween(after: number, upTo: number, limit: number): Promise<number> {
    if (upTo <= after || limit <= 0) return 0;
    return (await this.readAll({ after: after > 0 ? after : undefined, toPosition: upTo, limit })).length;
  }

  streamCategories(toPosition: number): Promise<string[]> {
    return streamCategoriesUpTo(this.client, toPosition);
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
}

/** The stream revision a multi-stream append answered for one of its streams. */
function answerFor(answer: MultiAppendResult, streamId: string): bigint {
  const revision = answer.responses.find((r) => r.streamName === streamId)?.revision;
  if (revision === undefined) throw new Error(`KurrentDB answered no revision for ${streamId}`);
  return revision;
}

/** An event as the client sends it, metadata as string properties (kurrentdb-metadata.ts). */
const toProposed = (e: PreparedEvent, metadata: JSONType) =>
  jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataJson) as JSONType, metadata });

/** A store over a KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
export async function createKurrentDbEventStore(options: { connectionString: string }): Promise<KurrentDbEventStore> {
  return new KurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString));
}
