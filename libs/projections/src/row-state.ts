import type { RecordedEvent } from '@app/event-store';
import type { AnyProjection, RowAccess } from './projection.js';
import { ProjectionEventFailed } from './projection.errors.js';

/** A row as the fold sees it; `doc` undefined means deleted. */
export interface Row {
  doc: unknown;
  /** Position of the last applied event that read or wrote the row. */
  lastPosition: number;
  /** Type of that event, when it was applied here (for error reports). */
  lastType?: string;
  /** The doc is someone else's too (a snapshot's): copied before evolve reads it, as evolve may change it in place. */
  shared?: boolean;
}

/** A row as it was before an event touched it (undefined: not held), and whether it was already a change. */
export interface Undo {
  row: Row | undefined;
  changed: boolean;
}

/** A changed row on its way to the table: `docJson` undefined means delete it. */
export interface RowChange {
  key: string;
  docJson: string | undefined;
  lastPosition: number;
}

/**
 * The one fold both the runner (a batch at a time, over rows loaded from the table) and
 * `foldInMemory` (everything, from nothing) use, so both give the same documents.
 *
 * Idempotent by position: an event is skipped when any row it names already holds a position at
 * or after it (it, or something later, was applied). Events arrive in global order, so this is
 * exact; it also makes a second delivery of an event a no-op.
 */
export class RowState {
  private readonly rows = new Map<string, Row>();
  private readonly changed = new Set<string>();
  private readonly types: ReadonlySet<string>;

  constructor(private readonly projection: AnyProjection) {
    this.types = new Set(projection.eventTypes);
  }

  handles(event: RecordedEvent): boolean {
    return this.types.has(event.type);
  }

  /** The keys an event names, checked; a throwing or bad `keysOf` fails the event. */
  keysOf(event: RecordedEvent): readonly string[] {
    try {
      const keys = this.projection.keysOf(event);
      for (const key of keys) {
        if (typeof key !== 'string' || key.length === 0 || key.includes('\0')) {
          throw new TypeError(`keysOf returned ${JSON.stringify(key)}: keys are non-empty strings without NUL`);
        }
      }
      return keys;
    } catch (error) {
      throw ProjectionEventFailed.of(this.projection.name, event, error);
    }
  }

  /**
   * Applies one event, or parks it: when `keysOf` or `evolve` throws, the rows are put back as they
   * were and the failure is handed to `onParked`, as the runner parks an event and goes on.
   */
  applyOrPark(event: RecordedEvent, onParked: (failure: ProjectionEventFailed) => void): boolean {
    const undo = new Map<string, Undo>();
    try {
      return this.apply(event, undefined, undo);
    } catch (error) {
      if (!(error instanceof ProjectionEventFailed)) throw error;
      this.restore(undo);
      onParked(error);
      return false;
    }
  }

  /**
   * A row as stored in the table (not a change); `doc` undefined: the table has none. `shared`: the
   * doc is not this fold's to change (`Row.shared`).
   */
  load(key: string, doc: unknown, lastPosition: number, { shared = false }: { shared?: boolean } = {}): void {
    this.rows.set(key, shared ? { doc, lastPosition, shared } : { doc, lastPosition });
  }

  /** Whether the row is here, loaded (present or known absent) or written. */
  has(key: string): boolean {
    return this.rows.has(key);
  }

  /**
   * Applies one event; false when it is not this projection's type or was applied already.
   * `undo` (in-memory folds that park failing events): the rows as they were before the event, kept
   * as it goes (a doc read is copied first, as evolve may change it in place), so a failure can be
   * taken back. The runner needs none: it folds its batch again from the table without the event.
   */
  apply(event: RecordedEvent, knownKeys?: readonly string[], undo?: Map<string, Undo>): boolean {
    if (!this.handles(event)) return false;
    const keys = knownKeys ?? this.keysOf(event);
    const position = event.position;
    if (keys.some((key) => (this.rows.get(key)?.lastPosition ?? -1) >= position)) return false;
    const read: string[] = [];
    const named = (key: string): string => {
      if (!keys.includes(key)) throw new Error(`evolve used key "${key}", which keysOf did not name`);
      if (undo && !undo.has(key)) undo.set(key, this.undoOf(key));
      return key;
    };
    const rows: RowAccess<unknown> = {
      get: (key) => {
        const doc = this.ownDoc(named(key));
        if (doc !== undefined) read.push(key);
        return doc;
      },
      set: (key, doc) => {
        if (doc === undefined) throw new TypeError(`set("${key}", undefined): use delete to remove a row`);
        this.write(named(key), doc, event);
      },
      delete: (key) => {
        if (this.rows.get(named(key))?.doc !== undefined) this.write(key, undefined, event);
      },
    };
    try {
      this.projection.evolve(rows, event);
    } catch (error) {
      throw ProjectionEventFailed.of(this.projection.name, event, error, keys);
    }
    // A doc read may have been changed in place, so it is stored again with this position.
    for (const key of read) {
      const row = this.rows.get(key)!;
      if (row.doc !== undefined && row.lastPosition < position) this.write(key, row.doc, event);
    }
    return true;
  }

  /** The row's doc, copied first when it is shared: from here on this fold's own. */
  private ownDoc(key: string): unknown {
    const row = this.rows.get(key);
    if (!row?.shared) return row?.doc;
    const { shared: _, ...own } = { ...row, doc: structuredClone(row.doc) };
    this.rows.set(key, own);
    return own.doc;
  }

  /** Puts the rows an event touched back as `undo` holds them. */
  restore(undo: ReadonlyMap<string, Undo>): void {
    for (const [key, { row, changed }] of undo) {
      if (row) this.rows.set(key, row);
      else this.rows.delete(key);
      if (!changed) this.changed.delete(key);
    }
  }

  private undoOf(key: string): Undo {
    const row = this.rows.get(key);
    // Docs are JSON (the stored shape), so a JSON copy is a faithful one.
    const copy = row && { ...row, doc: row.doc === undefined ? undefined : JSON.parse(JSON.stringify(row.doc)) };
    return { row: copy, changed: this.changed.has(key) };
  }

  /** The rows changed since the last call, serialised; a doc that is not JSON fails its last event. */
  takeChanges(): RowChange[] {
    const changes = [...this.changed].map((key): RowChange => {
      const row = this.rows.get(key)!;
      return { key, docJson: row.doc === undefined ? undefined : this.serialise(key, row), lastPosition: row.lastPosition };
    });
    this.changed.clear();
    return changes;
  }

  /** Whether the row was written since it was loaded (or since the last `takeChanges`). */
  isChanged(key: string): boolean {
    return this.changed.has(key);
  }

  /** Every row held, deleted ones and known absent ones (doc undefined) included. */
  rowsHeld(): IterableIterator<[string, Row]> {
    return this.rows.entries();
  }

  /** Every live row: deleted rows are left out. */
  *entries(): IterableIterator<[string, unknown]> {
    for (const [key, row] of this.rows) if (row.doc !== undefined) yield [key, row.doc];
  }

  private write(key: string, doc: unknown, event: RecordedEvent): void {
    this.rows.set(key, { doc, lastPosition: event.position, lastType: event.type });
    this.changed.add(key);
  }

  private serialise(key: string, row: Row): string {
    try {
      const json = JSON.stringify(row.doc);
      if (json === undefined) throw new TypeError('not a JSON value');
      return json;
    } catch (error) {
      const failure = new TypeError(`doc of "${key}" cannot be stored as JSON: ${(error as Error).message}`);
      throw new ProjectionEventFailed(this.projection.name, row.lastPosition, row.lastType ?? 'unknown', failure);
    }
  }
}
