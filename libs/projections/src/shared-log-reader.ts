import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import { eventsAfter } from './events-after.js';

interface Cursor {
  /** Position of the last event handed to this reader. */
  after: number;
}

const EMPTY_LOG_WAIT_MS = 50;

/**
 * One read of the log shared by the rebuilds an instance runs at the same time: without it each
 * rebuild reads (and parses) the whole log itself. Reads go into a window of consecutive events
 * (every readable event in `(start, end]`, in order), and each reader is handed slices of it.
 *
 * Only a cache: a slice is exactly what `readAll({ after, limit })` gives (or a prefix of it), so
 * each rebuild's guarantees stay its own. A reader behind the window reads the store directly.
 * Memory is bounded by `maxEvents`: the reader furthest ahead waits for the others to move on
 * before the window grows past it, which also keeps the rebuilds in step.
 */
export class SharedLogReader {
  private events: RecordedEvent[] = [];
  private start = 0;
  private end = 0;
  private extending?: Promise<void>;
  private readonly cursors = new Set<Cursor>();
  private waiters: (() => void)[] = [];
  private epoch = 0;

  constructor(
    private readonly store: EventStore,
    private readonly pageSize: number,
    private readonly maxEvents = pageSize * 2,
  ) {}

  /** Batches of at most `pageSize` events after `after`, like `store.subscribe`; ends when closed. */
  subscribe(after: number): Subscription {
    const cursor: Cursor = { after };
    let closed = false;
    this.cursors.add(cursor);
    const batches = async function* (this: SharedLogReader): AsyncGenerator<RecordedEvent[]> {
      while (!closed) {
        const batch = await this.next(cursor);
        if (closed) return;
        if (batch.length === 0) {
          await sleep(EMPTY_LOG_WAIT_MS);
          continue;
        }
        cursor.after = batch[batch.length - 1]!.position;
        this.moved();
        yield batch;
      }
    }.bind(this);
    return {
      [Symbol.asyncIterator]: batches,
      close: async () => {
        closed = true;
        this.cursors.delete(cursor);
        // No rebuild left: let the window's events go.
        if (this.cursors.size === 0) this.reset(0);
        this.moved();
      },
    };
  }

  private async next(cursor: Cursor): Promise<RecordedEvent[]> {
    if (cursor.after < this.start) return this.store.readAll({ after: cursor.after, limit: this.pageSize });
    if (cursor.after > this.end) {
      // Ahead of everything read so far: start the window here if no one else is in it.
      if (this.othersInWindow(cursor)) return this.store.readAll({ after: cursor.after, limit: this.pageSize });
      this.reset(cursor.after);
    }
    if (cursor.after === this.end) await this.extend();
    return this.slice(cursor.after);
  }

  /** The events after `after` held in the window, at most a page. */
  private slice(after: number): RecordedEvent[] {
    if (after < this.start || after > this.end) return [];
    return eventsAfter(this.events, after, this.pageSize);
  }

  /** Reads the next page into the window, once however many readers ask. */
  private extend(): Promise<void> {
    this.extending ??= this.readPage().finally(() => (this.extending = undefined));
    return this.extending;
  }

  private async readPage(): Promise<void> {
    this.trim();
    while (this.othersBehindWindow() || (this.events.length + this.pageSize > this.maxEvents && this.othersBehind())) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      this.trim();
    }
    const epoch = this.epoch;
    const page = await this.store.readAll({ after: this.end, limit: this.pageSize });
    // The window was let go meanwhile (every reader closed): this page no longer follows on from it.
    if (page.length === 0 || epoch !== this.epoch) return;
    this.events = this.events.concat(page);
    this.end = page[page.length - 1]!.position;
  }

  /** Drops what every reader in the window has had. */
  private trim(): void {
    const inWindow = [...this.cursors].filter((c) => c.after >= this.start && c.after <= this.end);
    const slowest = inWindow.length > 0 ? Math.min(...inWindow.map((c) => c.after)) : this.end;
    if (slowest <= this.start) return;
    const kept = this.events.findIndex((e) => e.position > slowest);
    this.events = kept < 0 ? [] : this.events.slice(kept);
    this.start = slowest;
  }

  /** A reader still in the window short of its end: the window may not grow until it moves. */
  private othersBehind(): boolean {
    return [...this.cursors].some((c) => c.after >= this.start && c.after < this.end);
  }

  /**
   * A reader behind the window (it started later, or fell back) reads the store directly until it
   * is in the window again; the window waits for it meanwhile, else the others would move on and
   * it would read the whole log on its own.
   */
  private othersBehindWindow(): boolean {
    return [...this.cursors].some((c) => c.after < this.start);
  }

  private othersInWindow(cursor: Cursor): boolean {
    return [...this.cursors].some((c) => c !== cursor && c.after >= this.start && c.after <= this.end);
  }

  private reset(after: number): void {
    this.epoch++;
    this.events = [];
    this.start = after;
    this.end = after;
  }

  private moved(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
