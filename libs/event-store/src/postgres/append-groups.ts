import type pg from 'pg';
import { WrongExpectedRevision } from '../event-store.errors.js';
import { callAppend, type AppendedRow } from './append-call.js';
import { callAppendMany, type GroupedAppend } from './append-many-call.js';
import type { AppendNotifier } from './append-notifications.js';

export interface AppendGroupLimits {
  /** Group calls in flight at once, each on its own connection. */
  connections: number;
  /** Appends in one group call. */
  appends: number;
  /** Events in one group call; a single larger append still goes, alone. */
  events: number;
}

/**
 * A few connections, so that groups fill while one is in flight (pgbench peaks at 8–12 single
 * appends' connections on two cores; 3–6 group connections measured alike, bench/README.md).
 * 1,000 events keep a group's transaction and WAL short; 32 single appends fit one group.
 */
export const DEFAULT_GROUP_LIMITS: AppendGroupLimits = { connections: 4, appends: 64, events: 1_000 };

/** Hears how appends were grouped, e.g. to count it; must not throw. */
export interface AppendGroupObserver {
  /** A group call answered this many appends (and their events) in one transaction; busy ones are not counted. */
  groupSent?(appends: number, events: number): void;
  /** An append whose stream another transaction held; it is sent alone. */
  streamBusy?(): void;
}

interface Waiting extends GroupedAppend {
  resolve(outcome: AppendedRow[] | 'already-appended'): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive while group calls are in flight wait and go together, as one
 * call of `es_append_many` in one transaction, when a call ends. Each append is still answered
 * alone (its rows, already appended, or a wrong expected revision) and only after its COMMIT.
 *
 * Two appends of one stream never share a group nor run in two groups at once: the later one
 * waits for the next call, so a stream's appends reach the database in the order they came. An
 * append whose stream another transaction holds (another instance, a held-open test transaction)
 * is not waited for inside the group; it is sent alone through `es_append`, outside the group
 * slots. A group that fails as a whole (an id already stored that passed the revision check, a
 * lost connection) is sent again append by append through `es_append`, which answers as it
 * always did: a retry of stored ids is answered with what was stored.
 */
export class AppendGroups {
  private readonly waiting: Waiting[] = [];
  private readonly streamsInFlight = new Set<string>();
  private inFlight = 0;
  private pumpScheduled = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly notifier: AppendNotifier,
    private readonly limits: AppendGroupLimits = DEFAULT_GROUP_LIMITS,
    private readonly observer: AppendGroupObserver = {},
  ) {}

  append(append: GroupedAppend): Promise<AppendedRow[] | 'already-appended'> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...append, resolve, reject });
      // Appends made in the same turn of the event loop share the first group.
      this.schedulePump();
    });
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.limits.connections) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      this.inFlight++;
      for (const a of group) this.streamsInFlight.add(a.streamId);
      void this.send(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The oldest waiting appends whose streams are free, within the limits. */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.waiting.length && group.length < this.limits.appends;) {
      const a = this.waiting[i]!;
      const free = !this.streamsInFlight.has(a.streamId) && !streams.has(a.streamId);
      if (free && (group.length === 0 || events + a.events.length <= this.limits.events)) {
        group.push(a);
        streams.add(a.streamId);
        events += a.events.length;
        this.waiting.splice(i, 1);
      } else {
        i++;
      }
    }
    return group;
  }

  private async send(group: Waiting[]): Promise<void> {
    const outcomes = await callAppendMany(this.pool, group).catch(() => undefined);
    if (!outcomes) {
      // Nothing of the group is stored: each append on its own gets the answer it always got.
      for (const a of group) await this.alone(a);
      return;
    }
    if (outcomes.some(Array.isArray)) this.notifier.appended();
    const answered = group.filter((_, i) => outcomes[i] !== 'stream-busy');
    this.observer.groupSent?.(
      answered.length,
      answered.reduce((n, a) => n + a.events.length, 0),
    );
    group.forEach((a, i) => {
      const outcome = outcomes[i]!;
      if (outcome === 'stream-busy') {
        this.observer.streamBusy?.();
        // Another transaction holds its stream: it waits for it alone, outside the group slots,
        // so that one slow transaction never holds up appends to other streams.
        void this.alone(a);
      } else if (typeof outcome === 'object' && 'wrongRevision' in outcome) {
        this.answer(a, () => a.reject(new WrongExpectedRevision(a.streamId, a.expectedRevision, outcome.wrongRevision)));
      } else {
        this.answer(a, () => a.resolve(outcome));
      }
    });
  }

  private alone(a: Waiting): Promise<void> {
    return callAppend(this.pool, a.streamId, a.events, a.expectedRevision).then(
      (outcome) =>
        this.answer(a, () => {
          this.notifier.appended();
          a.resolve(outcome);
        }),
      (error: unknown) => this.answer(a, () => a.reject(error)),
    );
  }

  /** The append's stream is free for its next append once this one is answered. */
  private answer(a: Waiting, settle: () => void): void {
    this.streamsInFlight.delete(a.streamId);
    settle();
    if (this.waiting.length > 0) this.schedulePump();
  }

  /** Resolves once every append made so far has been answered. */
  async drain(): Promise<void> {
    while (this.waiting.length > 0 || this.streamsInFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
