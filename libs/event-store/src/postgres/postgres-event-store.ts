import pg from 'pg';
import { CONNECTION_SETTINGS } from '@app/database';
import { prepareAppend, type PreparedEvent } from '../append-input.js';
import { catchUpSubscription } from '../catch-up-subscription.js';
import { ChangeSignal } from '../change-signal.js';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import { InvalidAppend, InvalidPosition, WrongExpectedRevision } from '../event-store.errors.js';
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
import { prepareStreamAppends } from '../stream-appends.js';
import type { AppendedRow } from './append-call.js';
import { callAppendToStreams } from './append-streams-call.js';
import { AppendGroups, type AppendGroupLimits, type AppendGroupObserver } from './append-groups.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-row.js';
import { AppendNotifier, listenForAppends, type AppendListener } from './append-notifications.js';
import { migrateEventStore } from './migrate-event-store.js';
import { readStreamQuery, readStreamsQuery } from './read-stream-query.js';
import { VISIBLE, readAllQuery } from './read-all-query.js';

const UNIQUE_VIOLATION = '23505';

export interface PostgresEventStoreOptions {
  connectionString: string;
  poolSize?: number;
  /** How often live subscriptions look for new events when no notification came. */
  pollIntervalMs?: number;
  /** How appends are grouped into transactions (append-groups.ts); the defaults suit two cores. */
  appendGroups?: AppendGroupLimits;
  /** Hears how appends were grouped (metrics). */
  observer?: AppendGroupObserver;
}

/** The connection pool right now: connections open, idle, and callers waiting for one. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** The default store: events in PostgreSQL, concurrent appends grouped into one SQL call and transaction. */
export class PostgresEventStore implements EventStore {
  private readonly signal = new ChangeSignal();
  private readonly notifier: AppendNotifier;
  private readonly groups: AppendGroups;
  private listener?: AppendListener;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.notifier = new AppendNotifier(pool, () => this.signal.notify());
    this.groups = new AppendGroups(pool, this.notifier, options.appendGroups, options.observer);
  }

  async start(): Promise<void> {
    await migrateEventStore(this.pool);
    this.listener = await listenForAppends(this.options.connectionString, () => this.signal.notify(), { ownOrigin: this.notifier.origin });
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const input = prepareAppend(streamId, events, options.expectedRevision);
    const rows = await this.groups.append({ streamId, events: input.events, expectedRevision: input.expectedRevision });
    if (rows === 'already-appended')
      return this.earlierAppend(
        streamId,
        input.events.map((e) => e.id),
      );
    return resultOf(streamId, recordedOf(streamId, input.events, rows));
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const input = prepareStreamAppends(appends);
    const outcomes = await callAppendToStreams(this.pool, input).catch((error: { code?: string; constraint?: string }) => {
      // Ids already stored, found by the insert itself: a retry with expected revision 'any'.
      if (error.code === UNIQUE_VIOLATION && error.constraint === 'es_events_id_key') return 'already-appended' as const;
      throw error;
    });
    if (outcomes === 'already-appended' || outcomes.includes('already-appended')) {
      return Promise.all(
        input.map((a) =>
          this.earlierAppend(
            a.streamId,
            a.events.map((e) => e.id),
          ),
        ),
      );
    }
    // Nothing was stored unless every append was: the first refusal is the answer.
    const refused = outcomes.findIndex((outcome) => !Array.isArray(outcome));
    if (refused >= 0) {
      const [outcome, { streamId, expectedRevision }] = [outcomes[refused]!, input[refused]!];
      if (typeof outcome === 'object' && 'wrongRevision' in outcome) {
        throw new WrongExpectedRevision(streamId, expectedRevision, outcome.wrongRevision);
      }
      throw new Error(`Atomic append: ${streamId} answered ${String(outcome)} although its lock was held`);
    }
    this.notifier.appended();
    return outcomes.map((rows, i) => resultOf(input[i]!.streamId, recordedOf(input[i]!.streamId, input[i]!.events, rows as AppendedRow[])));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(readStreamQuery(streamId, options));
    return rows.map(toRecordedEvent);
  }

  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    if (streamIds.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(readStreamsQuery(streamIds));
    const byStream = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) byStream.get(row.stream_id)!.push(toRecordedEvent(row));
    return streamIds.map((id) => byStream.get(id)!);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (options.after) await this.checkEventPosition(options.after);
    return this.readAfterEvent(options);
  }

  /**
   * Its cursor is checked by its first read only: every later read goes on from the last event it
   * handed out, so a probe of that position would only repeat the read's round trip. The live views
   * read a few times a second each, and the probes were one query in seven under load.
   */
  subscribe(options: SubscribeOptions = {}): Subscription {
    let cursorChecked = false;
    return catchUpSubscription(
      {
        readAll: async (o) => {
          const events = cursorChecked ? await this.readAfterEvent(o) : await this.readAll(o);
          cursorChecked = true;
          return events;
        },
        signal: this.signal,
        pollIntervalMs: this.options.pollIntervalMs ?? 500,
        heldBack: () => this.heldBack(),
      },
      options,
    );
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string | null }>(`SELECT max(position) AS head FROM es_events WHERE ${VISIBLE}`);
    return Number(rows[0]?.head ?? 0);
  }

  /**
   * Positions come from a sequence, so a transaction rolled back after taking some (an id already
   * stored, a failed group) leaves a gap: counted, not subtracted. One range scan of the primary
   * key, stopped at `limit` rows.
   */
  async countEventsBetween(after: number, upTo: number, limit: number): Promise<number> {
    if (upTo <= after || limit <= 0) return 0;
    const { rows } = await this.pool.query<{ count: string }>(
      `SELECT count(*) AS count FROM (
         SELECT 1 FROM es_events WHERE position > $1 AND position <= $2 AND ${VISIBLE} ORDER BY position LIMIT $3
       ) AS counted`,
      [after, upTo, limit],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /**
   * A skip scan of the (stream_category, position) index: one probe for the next category, one for
   * its first event, so the cost is the number of categories, not of events.
   */
  async streamCategories(toPosition: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ category: string }>(
      `WITH RECURSIVE categories AS (
         (SELECT stream_category AS category FROM es_events ORDER BY stream_category LIMIT 1)
         UNION ALL
         SELECT (SELECT e.stream_category FROM es_events e WHERE e.stream_category > c.category ORDER BY e.stream_category LIMIT 1)
           FROM categories c WHERE c.category IS NOT NULL
       )
       SELECT category FROM categories c
        WHERE category IS NOT NULL
          AND EXISTS (SELECT 1 FROM es_events e WHERE e.stream_category = c.category AND e.position <= $1 AND ${VISIBLE})
        ORDER BY category`,
      [toPosition],
    );
    return rows.map((r) => r.category);
  }

  /** The events' table of this database is the log: one name for it, whichever instance asks. */
  async identity(): Promise<string> {
    return 'postgres';
  }

  /** `readAll` with a cursor known to be an event's position (or none). */
  private async readAfterEvent(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(readAllQuery(options));
    return rows.map(toRecordedEvent);
  }

  /** A cursor is an event's position (one primary-key probe); a made-up one is refused, as on every store. */
  private async checkEventPosition(position: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 0) throw new InvalidPosition(position);
    const { rowCount } = await this.pool.query('SELECT 1 FROM es_events WHERE position = $1', [position]);
    if (!rowCount) throw new InvalidPosition(position);
  }

  /** Committed events past the readable head: an older transaction still runs. Two index probes. */
  private async heldBack(): Promise<boolean> {
    const { rows } = await this.pool.query<{ held: boolean }>(
      `SELECT coalesce((SELECT max(position) FROM es_events), 0)
            > coalesce((SELECT max(position) FROM es_events WHERE ${VISIBLE}), 0) AS held`,
    );
    return rows[0]?.held ?? false;
  }

  poolStats(): PoolStats {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.signal.notify();
    await this.listener?.close();
    await this.groups.drain();
    await this.notifier.drain();
    await this.pool.end();
  }

  /** Retried events (same ids) are stored once; the retry answers what the first append did. */
  private async earlierAppend(streamId: string, ids: string[]): Promise<AppendResult> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE id = ANY($1::uuid[]) ORDER BY position`,
      [ids],
    );
    if (rows.length !== ids.length || rows.some((r) => r.stream_id !== streamId)) {
      throw new InvalidAppend(`Some of these event ids are already stored elsewhere; not appending to ${streamId}`);
    }
    return resultOf(streamId, rows.map(toRecordedEvent));
  }
}

const recordedOf = (streamId: string, events: readonly PreparedEvent[], rows: AppendedRow[]): RecordedEvent[] => {
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows
    .map((row): RecordedEvent => {
      const event = byId.get(row.o_id)!;
      return {
        id: row.o_id,
        type: event.type,
        data: JSON.parse(event.dataJson),
        metadata: JSON.parse(event.metadataJson),
        streamId,
        revision: Number(row.o_revision),
        position: Number(row.o_position),
        recordedAt: row.o_recorded_at.toISOString(),
      };
    })
    .sort((a, b) => a.revision - b.revision);
};

const resultOf = (streamId: string, events: RecordedEvent[]): AppendResult => {
  const last = events[events.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events };
};

/** Connects, applies the schema migrations and starts listening for appends. */
export async function createPostgresEventStore(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 20, ...CONNECTION_SETTINGS });
  // An idle connection dropped by the server (restart, shutdown) is replaced on next use; not a crash.
  pool.on('error', () => undefined);
  const store = new PostgresEventStore(pool, options);
  try {
    await store.start();
  } catch (error) {
    await pool.end();
    throw error;
  }
  return store;
}
