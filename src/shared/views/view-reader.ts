import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { KeyRange } from '@app/projections';
import type { AnyProjection } from '@app/projections';
import { ProjectionEngine } from '@app/projections';
import { EVENT_STORE } from '@app/event-store';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import { isTooFarInTheFuture } from '../values/time.js';
import { AsOfBeyondHead, AsOfInTheFuture } from './as-of.errors.js';
import { isReplay, type AsOfMarks, type ViewTime } from './view-time.js';
import { replayViews, type ReplayBound, type ReplayScope } from './view-replay.js';
import { ViewNotReady } from './view-not-ready.error.js';
import { ViewRebuilding } from './view-rebuilding.error.js';

/** Read-your-writes: how long a query waits for `minPosition` (the contract's 5 s). */
const MIN_POSITION_WAIT_MS = 5000;
/**
 * How long `asOfPosition` may wait for the readable head: a position an append just returned can
 * stay hidden while an older transaction (a projection batch) runs. Beyond that it does not exist.
 */
const HEAD_WAIT_MS = 2000;
const HEAD_POLL_MS = 50;

/** Views at one moment: their documents, the "now" their time-dependent figures use, and the as-of marks. */
export interface ViewsAt {
  now: string;
  /** Spread into the answer: `asOf` and `asOfPosition` when replayed, nothing when live. */
  marks: AsOfMarks | Record<string, never>;
  read<Doc = unknown>(projection: AnyProjection, range: KeyRange): Promise<{ position: number; docs: Map<string, Doc> }>;
}

/**
 * The one way a query gets its documents. Live: from the projection's table, first waiting for
 * `minPosition` when asked. As of a moment: one in-memory replay of the scope's events through the
 * same projections, selected with the same key range, so the query function that turns documents
 * into an answer is the live one and no figure has a second implementation.
 */
@Injectable()
export class ViewReader {
  private replaysRunning = 0;
  private readonly logger = new Logger(ViewReader.name);

  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    registry: MetricsRegistry,
  ) {
    registry.gauge('view_replays_running', 'As-of replays (asOf, asOfPosition) folding events now', () => this.replaysRunning);
  }

  /** `projections`: every view the query will read; a replay folds them all in one pass over the events. */
  async at(time: ViewTime, named: readonly AnyProjection[], scope: ReplayScope = {}): Promise<ViewsAt> {
    // A query names a view by the area's constant; the fold used is the one this instance runs.
    const projections = named.map((projection) => this.engine.projection(projection.name));
    if (!isReplay(time)) return this.live(time.minPosition);
    const { bound, marks } = await this.moment(time);
    this.replaysRunning++;
    const { folds, lastPosition, parked } = await replayViews(this.store, projections, scope, bound).finally(() => this.replaysRunning--);
    const asOfPosition = 'asOfPosition' in time ? time.asOfPosition : lastPosition;
    if (parked.length > 0) {
      this.logger.warn(`as-of replay left out ${parked.length} event(s) a view could not apply: ${JSON.stringify(parked.slice(0, 10))}`);
    }
    return {
      // With no event at or before asOfPosition there is nothing to count; only a default period needs a now.
      now: marks.asOf ?? new Date().toISOString(),
      marks: { ...marks, asOfPosition, ...(parked.length > 0 ? { parkedEvents: parked } : {}) },
      read: async <Doc>(projection: AnyProjection, range: KeyRange) => {
        const fold = folds.get(projection.name);
        if (!fold) throw new Error(`The ${projection.name} view was read but not named in at(…)`);
        return { position: asOfPosition, docs: fold.docs(range) as Map<string, Doc> };
      },
    };
  }

  private live(minPosition: number | undefined): ViewsAt {
    return {
      now: new Date().toISOString(),
      marks: {},
      read: async <Doc>(projection: AnyProjection, range: KeyRange) => {
        if (minPosition !== undefined && !(await this.engine.waitForPosition(projection.name, minPosition, MIN_POSITION_WAIT_MS))) {
          throw new ViewNotReady(projection.name, minPosition);
        }
        const own = this.engine.projection(projection.name);
        const { position, version, docs } = await this.engine.loadDocs<Doc>(projection.name, range);
        if (version !== null && version < own.version) throw new ViewRebuilding(projection.name, version, own.version);
        return { position, docs };
      },
    };
  }

  /** Where the replay ends, and the moment it shows. */
  private async moment(time: { asOf: string } | { asOfPosition: number }): Promise<{ bound: ReplayBound; marks: { asOf: string | null } }> {
    if ('asOf' in time) {
      if (isTooFarInTheFuture(time.asOf, new Date().toISOString())) throw new AsOfInTheFuture();
      // The head now bounds the read, so events appended while it runs stay out.
      return {
        bound: { toPosition: await this.store.headPosition(), recordedBy: Date.parse(time.asOf) },
        marks: { asOf: new Date(time.asOf).toISOString() },
      };
    }
    await this.headReaching(time.asOfPosition);
    const [last] = await this.store.readAll({ toPosition: time.asOfPosition, direction: 'backwards', limit: 1 });
    return { bound: { toPosition: time.asOfPosition }, marks: { asOf: last?.recordedAt ?? null } };
  }

  private async headReaching(position: number): Promise<void> {
    const deadline = Date.now() + HEAD_WAIT_MS;
    for (;;) {
      const head = await this.store.headPosition();
      if (head >= position) return;
      if (Date.now() >= deadline) throw new AsOfBeyondHead(position, head);
      await new Promise((resolve) => setTimeout(resolve, HEAD_POLL_MS));
    }
  }
}
