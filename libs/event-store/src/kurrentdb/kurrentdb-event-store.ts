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
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import { prepareAppend } from '../append-input.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { isOurs, prefixRegex, toAppendState, toRecordedEvent, toWrongExpectedRevision, type KurrentRecorded } from './kurrentdb-mapping.js';

/**
 * The port over KurrentDB/EventStoreDB, for clustered deployments. Stream revisions and
 * `$all` commit positions are the server's own; KurrentDB deduplicates retried event ids.
 */
export class KurrentDbEventStore implements EventStore {
  constructor(private readonly client: KurrentDBClient) {}

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const input = prepareAppend(streamId, events, options.expectedRevision);
    try {
      await this.client.appendToStream(
        streamId,
        input.events.map((e) =>
          jsonEvent({ id: e.id, type: e.type, data: JSON.parse(e.dataJson), metadata: JSON.parse(e.metadataJson) }),
        ),
        { streamState: toAppendState(input.expectedRevision) },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) throw toWrongExpectedRevision(streamId, input.expectedRevision, error);
      throw error;
    }
    // The append answer has no per-event positions: read the events back by id.
    const ids = new Set(input.events.map((e) => e.id));
    const stored = (await this.readStream(streamId, { direction: 'backwards', limit: Math.max(ids.size * 4, 64) }))
      .filter((e) => ids.has(e.id))
      .reverse();
    const last = stored[stored.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events: stored };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
      })) {
        if (!resolved.event) continue;
        const event = toRecordedEvent(resolved.event as unknown as KurrentRecorded, resolved.commitPosition);
        if (options.toPosition !== undefined && event.position > options.toPosition) {
          if (backwards) continue;
          break;
        }
        events.push(event);
        if (options.limit !== undefined && events.length >= options.limit) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from: ReadPosition =
      options.after !== undefined ? { commit: BigInt(options.after), prepare: BigInt(options.after) } : backwards ? END : START;
    const types = options.types ? new Set(options.types) : undefined;
    const events: RecordedEvent[] = [];
    for await (const resolved of this.client.readAll({ direction: backwards ? BACKWARDS : FORWARDS, fromPosition: from, filter: this.filterOf(options.streamPrefix) })) {
      const event = this.ours(resolved);
      if (!event) continue;
      if (options.after !== undefined && (backwards ? event.position >= options.after : event.position <= options.after)) continue;
      if (options.toPosition !== undefined && event.position > options.toPosition) {
        if (backwards) continue;
        break;
      }
      if (types && !types.has(event.type)) continue;
      if (options.streamPrefix && !event.streamId.startsWith(options.streamPrefix)) continue;
      events.push(event);
      if (options.limit !== undefined && events.length >= options.limit) break;
    }
    return events;
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: options.after ? { commit: BigInt(options.after), prepare: BigInt(options.after) } : START,
      filter: this.filterOf(options.streamPrefix),
    });
    const types = options.types ? new Set(options.types) : undefined;
    const after = options.after ?? 0;
    const ours = (resolved: AllStreamResolvedEvent) => this.ours(resolved);
    async function* batches(): AsyncGenerator<RecordedEvent[]> {
      for await (const resolved of subscription) {
        const event = ours(resolved);
        if (!event || event.position <= after) continue;
        if (types && !types.has(event.type)) continue;
        if (options.streamPrefix && !event.streamId.startsWith(options.streamPrefix)) continue;
        yield [event];
      }
    }
    return { [Symbol.asyncIterator]: () => batches(), close: () => subscription.unsubscribe() };
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() })) {
      const event = this.ours(resolved);
      if (event) return event.position;
    }
    return 0;
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private filterOf(streamPrefix: string | undefined): Filter {
    return streamPrefix ? streamNameFilter({ regex: prefixRegex(streamPrefix) }) : excludeSystemEvents();
  }

  private ours(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
    const event = resolved.event as unknown as KurrentRecorded | undefined;
    if (!event || !event.isJson || !isOurs(event)) return undefined;
    return toRecordedEvent(event, resolved.commitPosition);
  }
}

export async function createKurrentDbEventStore(options: { connectionString: string }): Promise<KurrentDbEventStore> {
  return new KurrentDbEventStore(KurrentDBClient.connectionString`${options.connectionString}`);
}
