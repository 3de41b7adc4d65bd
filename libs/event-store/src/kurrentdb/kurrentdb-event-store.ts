import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AppendResult as KurrentAppendResult,
  type JSONType,
  type MultiAppendResult,
} from '@kurrent/kurrentdb-client';
import { prepareAppend } from '../append-input.js';
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
import { encodeMetadata } from './kurrentdb-metadata.js';
import { fromResolved, toAppendState, toPosition, toWrongExpectedRevision } from './kurrentdb-mapping.js';
import { readBackAppended } from './kurrentdb-read-back.js';
import { batchedSubscription } from './kurrentdb-subscription.js';

const DEFAULT_BATCH_SIZE = 500;

/**
 * The port over KurrentDB/EventStoreDB. Stream revisions and `$all` commit positions are the
 * server's own; the server stores a retried event id once, which makes appends idempotent.
 */
export class KurrentDbEventStore implements EventStore {
  constructor(private readonly client: KurrentDBClient) {}

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const input = prepareAppend(streamId, events, options.expectedRevision);
    const proposed = input.events.map((e) =>
      jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataJson) as JSONType, metadata: JSON.parse(e.metadataJson) as JSONType }),
    );
    let answer: KurrentAppendResult;
    try {
      answer = await this.client.appendToStream(streamId, proposed, { streamState: toAppendState(input.expectedRevision) });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw toWrongExpectedRevision(streamId, input.expectedRevision, error);
      throw error;
    }
    // `throwOnAppendFailure=false` in the connection string answers instead of throwing, and its
    // revision is not to be trusted then (the client reports a boolean as the revision).
    if (!answer.success) throw new WrongExpectedRevision(streamId, input.expectedRevision, await this.lastRevision(streamId));
    // The answer holds the last revision only (and no position at all for a retry the server
    // recognised): read the appended events back for their positions and times.
    const stored = await readBackAppended(
      (from, limit, direction) => this.readStream(streamId, { fromRevision: from, limit, direction }),
      streamId,
      input.events.map((e) => e.id),
      Number(answer.nextExpectedRevision),
    );
    const last = stored[stored.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events: stored };
  }

  /**
   * `multiStreamAppend` (KurrentDB 25.1 or newer): one transaction over every stream. Metadata
   * travels as string properties there (kurrentdb-metadata.ts). A refused append whose events
   * are all stored already is a retry, answered with what was stored.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const input = prepareStreamAppends(appends);
    let answer: MultiAppendResult;
    try {
      answer = await this.client.multiStreamAppend(
        input.map((a) => ({
          streamName: a.streamId,
          expectedState: toAppendState(a.expectedRevision),
          events: a.events.map((e) =>
            jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataJson) as JSONType, metadata: encodeMetadata(e.metadata) }),
          ),
        })),
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const earlier = await this.earlierAppends(input);
      if (earlier) return earlier;
      const refused = input.find((a) => a.streamId === error.streamName) ?? input[0]!;
      throw toWrongExpectedRevision(refused.streamId, refused.expectedRevision, error);
    }
    return Promise.all(
      input.map(async (a) => {
        const revision = answer.responses.find((r) => r.streamName === a.streamId)?.revision;
        if (revision === undefined) throw new Error(`KurrentDB answered no revision for ${a.streamId}`);
        return this.readBack(a.streamId, a.events.map((e) => e.id), Number(revision));
      }),
    );
  }

  /** Every append's events, if all of them are stored in their streams; undefined if none is. */
  private async earlierAppends(input: readonly PreparedStreamAppend[]): Promise<AppendResult[] | undefined> {
    const found = await Promise.all(
      input.map(async (a) => {
        const ids = new Set(a.events.map((e) => e.id));
        const stored = (await this.readStream(a.streamId, { direction: 'backwards' })).filter((e) => ids.has(e.id)).reverse();
        return { streamId: a.streamId, stored, complete: stored.length === ids.size };
      }),
    );
    if (found.every((f) => f.stored.length === 0)) return undefined;
    if (!found.every((f) => f.complete)) throw new InvalidAppend('Some of these event ids are already stored; not appending');
    return found.map(({ streamId, stored }) => {
      const last = stored.at(-1)!;
      return { streamId, revision: last.revision, position: last.position, events: stored };
    });
  }

  private async readBack(streamId: string, ids: string[], lastRevision: number): Promise<AppendResult> {
    const read = (from: number | undefined, limit: number | undefined, direction: 'forwards' | 'backwards') =>
      this.readStream(streamId, { fromRevision: from, limit, direction });
    const stored = await readBackAppended(read, streamId, ids, lastRevision);
    const last = stored[stored.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events: stored };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const { toPosition: upTo, limit } = options;
    if (limit === 0) return [];
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
      // Going backwards, events past `toPosition` are skipped first, so the count is unknown.
      ...(limit !== undefined && !(backwards && upTo !== undefined) ? { maxCount: limit } : {}),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = fromResolved(resolved);
        if (!event) continue;
        if (upTo !== undefined && event.position > upTo) {
          if (backwards) continue;
          break;
        }
        events.push(event);
        if (limit !== undefined && events.length >= limit) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const { after, toPosition: upTo, limit } = options;
    if (limit === 0) return [];
    // Both directions start at `after`: forwards the server includes the event there (dropped
    // below), backwards it starts just before it.
    const from = after !== undefined ? toPosition(after) : backwards ? END : START;
    const filteredHere = (options.streamPrefix && options.types?.length) || options.recordedFrom !== undefined || options.recordedBefore !== undefined;
    const serverDoesAll = !filteredHere && !(backwards && upTo !== undefined);
    const read = this.client.readAll({
      direction: backwards ? BACKWARDS : FORWARDS,
      fromPosition: from,
      filter: serverFilter(options),
      ...(limit !== undefined && serverDoesAll ? { maxCount: limit + 1 } : {}),
    });
    const events: RecordedEvent[] = [];
    for await (const resolved of read) {
      const event = fromResolved(resolved);
      if (!event || !isSelected(options, event)) continue;
      if (after !== undefined && (backwards ? event.position >= after : event.position <= after)) continue;
      if (upTo !== undefined && event.position > upTo) {
        if (backwards) continue;
        break;
      }
      events.push(event);
      if (limit !== undefined && events.length >= limit) break;
    }
    return events;
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

  async headPosition(): Promise<number> {
    const last = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() });
    for await (const resolved of last) {
      const position = resolved.event?.position?.commit ?? resolved.commitPosition;
      if (position !== undefined) return Number(position);
    }
    return 0;
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
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

/** A store over a KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
export async function createKurrentDbEventStore(options: { connectionString: string }): Promise<KurrentDbEventStore> {
  return new KurrentDbEventStore(KurrentDBClient.connectionString(options.connectionString));
}
