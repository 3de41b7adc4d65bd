import type { RecordedEvent } from '@app/event-store';

/**
 * The rows one event may read and write: exactly the keys its `keysOf` named. A doc is a JSON
 * value (plain objects, arrays, strings, finite numbers, booleans, null). Changing a doc you got
 * in place is fine: whatever a row holds after `evolve` is what gets stored.
 */
export interface RowAccess<Doc> {
  get(key: string): Doc | undefined;
  set(key: string, doc: Doc): void;
  delete(key: string): void;
}

/**
 * A read model as a pure fold: a set of JSON documents addressed by string keys
 * (`engagement|0314|2024-05`). No I/O and no clock in `keysOf` or `evolve`: time comes from
 * the event. The same object feeds the live runner and audit replay (`foldInMemory`).
 */
export interface Projection<Doc = unknown, E extends RecordedEvent = RecordedEvent> {
  /** `^[a-z][a-z0-9_]{0,35}$`; the rows live in table `projection_<name>`. */
  readonly name: string;
  /** Bump when `evolve` or the doc shape changes: the runner then rebuilds the view. */
  readonly version: number;
  /** Events of other types are never passed to `keysOf` or `evolve`. */
  readonly eventTypes: readonly E['type'][];
  /** Every key `evolve` will get, set or delete for this event (the runner prefetches them). */
  keysOf(event: E): readonly string[];
  evolve(rows: RowAccess<Doc>, event: E): void;
}

/** Any projection, whatever its doc and event types: what lists of projections hold. */
// Any doc and event type: a list of projections of different types (Projection is invariant in both).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, any>;

const NAME = /^[a-z][a-z0-9_]{0,35}$/;

/** Names become table names and lock keys, so they are checked once, up front. */
export function checkProjectionName(name: string): string {
  if (!NAME.test(name)) {
    throw new Error(`Projection name "${name}" must match ${NAME.source} (it becomes a table name)`);
  }
  return name;
}
