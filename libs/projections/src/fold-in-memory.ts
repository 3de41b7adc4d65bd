import type { RecordedEvent } from '../../event-store/src/index.js';
import type { Projection } from './projection.js';
import type { ProjectionEventFailed } from './projection.errors.js';
import { RowState } from './row-state.js';
import { compareKeys, toStoredJson } from './stored-json.js';

/**
 * Folds events (in global order) from an empty view into its documents, by key in `COLLATE "C"`
 * order, each as a round trip through the table would give it. The runner uses the same fold
 * a batch at a time, so for the same events this equals the live table: what audit replay and
 * `verify` rely on. Events of other types are ignored; an event seen twice counts once.
 * Throws `ProjectionEventFailed` at an event that fails, unless `onParked` is given: then the event
 * is parked (left out, its partial changes taken back, the failure handed over) and the fold goes
 * on, as the runner does.
 */
export function foldInMemory<Doc, E extends RecordedEvent>(
  projection: Projection<Doc, E>,
  events: Iterable<E>,
  options: FoldOptions = {},
): Map<string, Doc> {
  const state = new RowState(projection);
  const { onParked } = options;
  for (const event of events) {
    if (onParked) state.applyOrPark(event, onParked);
    else state.apply(event);
  }
  return storedDocs<Doc>(state);
}

export interface FoldOptions {
  /** Park failing events rather than throw: each failure is handed here, and the fold goes on. */
  onParked?: (failure: ProjectionEventFailed) => void;
}

/** The live documents of a fold, as the table would hold them, in key order. */
export function storedDocs<Doc>(state: RowState): Map<string, Doc> {
  const entries = [...state.entries()].sort(([a], [b]) => compareKeys(a, b));
  return new Map(entries.map(([key, doc]) => [key, toStoredJson(doc) as Doc]));
}
