import type { RecordedEvent } from '../../event-store/src/index.js';
import { storedDocs, type FoldOptions } from './fold-in-memory.js';
import { selectDocs, type KeyRange } from './key-range.js';
import type { Projection } from './projection.js';
import { RowState } from './row-state.js';

/**
 * `foldInMemory` a page at a time: feed events (in global order) as they are read, so a replay
 * of millions of events holds one page of events and the view's documents, never the whole log.
 * The same `RowState` as the runner and `foldInMemory`, so the result is the same however the
 * events were split into pages (a repeated or older event still counts once).
 */
export class InMemoryFold<Doc, E extends RecordedEvent = RecordedEvent> {
  private readonly state: RowState;

  constructor(
    readonly projection: Projection<Doc, E>,
    private readonly options: FoldOptions = {},
  ) {
    this.state = new RowState(projection);
  }

  /**
   * Applies events of the projection's types; others are ignored. An event that fails throws
   * `ProjectionEventFailed`, or with `onParked` is parked and the fold goes on (as the runner does).
   */
  apply(events: Iterable<E>): this {
    const { onParked } = this.options;
    for (const event of events) {
      if (onParked) this.state.applyOrPark(event, onParked);
      else this.state.apply(event);
    }
    return this;
  }

  /** The documents so far in `range`, in key order and stored JSON shape: what `loadDocs` would answer. Copies: later events do not change them. */
  docs(range?: KeyRange): Map<string, Doc> {
    return selectDocs(storedDocs<Doc>(this.state), range);
  }
}
