import type { QueryRunner } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';
import type { DocCache } from './doc-cache.js';
import type { AnyProjection } from './projection.js';
import { RowState, type RowChange } from './row-state.js';
import { queryRows, toNumber } from './sql.js';

/**
 * The events a rebuild folds between two commits, over several reads of the log: a doc that many
 * of them touch is written once per window, not once per read. Rows come from this window, else
 * the cache, else one SELECT per read; none of it needs a transaction, as the rebuild is the
 * shadow table's only writer and its commit is fenced. Memory: the window's rows (bounded by its
 * events and by what its rows weighed when loaded) and the cache (bounded by its bytes).
 */
export class RebuildWindow {
  private readonly state: RowState;
  /** The JSON text each row was loaded from: what the cache keeps of a row the window did not change. */
  private readonly loadedJson = new Map<string, string | undefined>();
  private changes?: RowChange[];
  /** Events read into the window, of any type. */
  events = 0;
  /** What the window's rows weighed as loaded (JSON, plus about a hundred bytes a row): its memory, roughly. */
  bytes = 0;
  /** Position of the last event read into the window. */
  last = 0;

  constructor(
    projection: AnyProjection,
    private readonly runner: QueryRunner,
    private readonly table: string,
    private readonly cache: DocCache,
    /** Positions this rebuild has parked: left out of the fold. */
    private readonly parked: ReadonlySet<number>,
  ) {
    this.state = new RowState(projection);
  }

  /** Loads the rows the batch names and folds it in; throws `ProjectionEventFailed` where an event fails. */
  async add(batch: readonly RecordedEvent[]): Promise<void> {
    const planned = batch
      .filter((event) => this.state.handles(event) && !this.parked.has(event.position))
      .map((event) => ({ event, keys: this.state.keysOf(event) }));
    const unknown = new Set<string>();
    for (const { keys } of planned) {
      for (const key of keys) {
        if (this.state.has(key) || unknown.has(key)) continue;
        const cached = this.cache.get(key);
        if (cached) this.hold(key, cached.json, cached.lastPosition);
        else unknown.add(key);
      }
    }
    if (unknown.size > 0) await this.select([...unknown]);
    for (const { event, keys } of planned) this.state.apply(event, keys);
    this.events += batch.length;
    if (batch.length > 0) this.last = batch[batch.length - 1]!.position;
  }

  /** The rows to write, serialised once; throws `ProjectionEventFailed` for a doc that is not JSON. */
  takeChanges(): RowChange[] {
    this.changes ??= this.state.takeChanges();
    return this.changes;
  }

  /** After the commit: every row of the window is now the table's, and the most recently used. */
  committed(): void {
    const written = new Map((this.changes ?? []).map((c) => [c.key, c]));
    for (const [key, row] of this.state.rowsHeld()) {
      const change = written.get(key);
      if (change) this.cache.set(key, change.docJson, change.docJson === undefined ? -1 : change.lastPosition);
      else this.cache.set(key, this.loadedJson.get(key), row.doc === undefined ? -1 : row.lastPosition);
    }
    this.cache.evict();
  }

  /** As text rather than parsed by the driver, so the cache can keep it. */
  private async select(keys: string[]): Promise<void> {
    const rows = await queryRows<{ key: string; doc: string; last_position: string }>(
      this.runner,
      `SELECT key, doc::text AS doc, last_position FROM ${this.table} WHERE key = ANY($1::text[])`,
      [keys],
    );
    for (const row of rows) this.hold(row.key, row.doc, toNumber(row.last_position));
    for (const key of keys) if (!this.state.has(key)) this.hold(key, undefined, -1);
  }

  private hold(key: string, json: string | undefined, lastPosition: number): void {
    this.state.load(key, json === undefined ? undefined : JSON.parse(json), lastPosition);
    this.loadedJson.set(key, json);
    this.bytes += 100 + key.length + (json?.length ?? 0);
  }
}
