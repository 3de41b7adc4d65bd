import type { RecordedEvent } from '@app/event-store';
import { selectDocs, type KeyRange } from './key-range.js';
import type { Projection } from './projection.js';
import type { ProjectionEventFailed } from './projection.errors.js';
import { RowState } from './row-state.js';
import { sortByKey, toStoredJson } from './stored-json.js';

/**
 * `foldInMemory` a page at a time: feed events (in global order) as they are read, so a replay
 * of millions of events holds one page of events and the view's documents, never the whole log.
 * The same `RowState` as the runner and `foldInMemory`, so the result is the same however the
 * events were split into pages (a repeated or older event still counts once).
 */
export class InMemoryFold<Doc, E extends RecordedEvent = RecordedEvent> {
  private readonly state: RowState;
  /** Events of the projection's types handed to `apply` so far, a resumed fold's start included. */
  private seen = 0;

  constructor(
    readonly projection: Projection<Doc, E>,
    private readonly options: FoldOptions = {},
  ) {
    this.state = new RowState(projection);
  }

  /**
   * A fold that goes on from `docs`, the documents a fold of the events up to `position` gave
   * (`docs()` then), after it had seen `seen` events: fed the events after `position`, it ends with
   * the documents the first fold would have (its rows are the table's rows, as the runner loads them).
   * `docs` are not changed: evolve changes rows in place, so each document is copied when an event
   * first reads it, and `docs` may be resumed from again (a snapshot, after a first fold from it met
   * an event that failed). Copying only those keeps a resume from hundreds of thousands of documents
   * cheap when the events after it touch few.
   */
  static resume<Doc, E extends RecordedEvent>(
    projection: Projection<Doc, E>,
    from: { docs: Iterable<[string, Doc]>; position: number; seen: number },
    options: FoldOptions = {},
  ): InMemoryFold<Doc, E> {
    const fold = new InMemoryFold(projection, options);
    for (const [key, doc] of from.docs) fold.state.load(key, doc, from.position, { shared: true });
    fold.seen = from.seen;
    return fold;
  }

  /** Events of the projection's types handed to `apply` so far, a resumed fold's start included. */
  get eventsSeen(): number {
    return this.seen;
  }

  /**
   * Applies events of the projection's types; others are ignored. An event that fails throws
   * `ProjectionEventFailed`, or with `onParked` is parked and the fold goes on (as the runner does).
   */
  apply(events: Iterable<E>): this {
    const { onParked } = this.options;
    for (const event of events) {
      if (!this.state.handles(event)) continue;
      this.seen++;
      if (onParked) this.state.applyOrPark(event, onParked);
      else this.state.apply(event);
    }
    return this;
  }

  /**
   * The documents so far in `range`, in key order and stored JSON shape: what `loadDocs` would
   * answer. Copies: later events do not change them.
   */
  docs(range?: KeyRange): Map<string, Doc> {
    return selectDocs(storedDocs<Doc>(this.state), range);
  }

  /**
   * The documents as `docs()` gives them, taken by a fold that ends here (a replay's answer): the
   * fold must not be applied to afterwards. The documents `resume` loaded that no event changed
   * are in stored shape already and are handed over as they are (the very objects it was given);
   * only the changed ones go through the stored-shape round trip. A national replay resumes
   * hundreds of thousands of documents and its events change few of them.
   */
  takeDocs(): Map<string, Doc> {
    const entries = sortByKey([...this.state.entries()]);
    return new Map(entries.map(([key, doc]) => [key, (this.state.isChanged(key) ? toStoredJson(doc) : doc) as Doc]));
  }
}

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
  const entries = sortByKey([...state.entries()]);
  return new Map(entries.map(([key, doc]) => [key, toStoredJson(doc) as Doc]));
}
