import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { KeyRange } from '@app/projections';
import type { AnyProjection } from '@app/projections';
import { ProjectionEngine, selectDocs } from '@app/projections';
import { EVENT_STORE } from '@app/event-store';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { MetricsRegistry, type Counter } from '../metrics/metrics-registry.js';
import { isTooFarInTheFuture } from '../values/time.js';
import { AsOfBeyondHead, AsOfInTheFuture, AsOfReplaysBusy } from './as-of.errors.js';
import type { Snapshots } from './snapshots/office-replay.js';
import { ReplaySnapshotStore } from './snapshots/replay-snapshot-store.js';
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
  private readonly replaysRefused: Counter;
  private readonly logger = new Logger(ViewReader.name);
  private log?: Promise<string>;

  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly snapshotStore: ReplaySnapshotStore,
    registry: MetricsRegistry,
  ) {
    registry.gauge(
      'view_replays_running',
      'As-of replays (asOf, asOfPosition) running now: waiting for their position or folding events',
      () => this.replaysRunning,
    );
    this.replaysRefused = registry.counter(
      'view_replays_refused_total',
      'As-of replays refused (503) because ASOF_REPLAYS_MAX were running',
    );
  }

  /** `projections`: every view the query will read; a replay folds them all from the same events. */
  async at(time: ViewTime, projections: readonly AnyProjection[], scope: ReplayScope = {}): Promise<ViewsAt> {
    if (!isReplay(time)) return this.live(time.minPosition);
    // Taken before anything is awaited, so requests arriving together cannot all pass the check.
    if (this.replaysRunning >= this.config.asOfReplaysMax) {
      this.replaysRefused.inc();
      throw new AsOfReplaysBusy(this.replaysRunning);
    }
    this.replaysRunning++;
    const { docs, lastPosition, parked, marks } = await this.replay(time, projections, scope).finally(() => this.replaysRunning--);
    const asOfPosition = 'asOfPosition' in time ? time.asOfPosition : lastPosition;
    if (parked.length > 0) {
      this.logger.warn(`as-of replay left out ${parked.length} event(s) a view could not apply: ${JSON.stringify(parked.slice(0, 10))}`);
    }
    return {
      // With no event at or before asOfPosition there is nothing to count; only a default period needs a now.
      now: marks.asOf ?? new Date().toISOString(),
      marks: { ...marks, asOfPosition, ...(parked.length > 0 ? { parkedEvents: parked } : {}) },
      read: async <Doc>(projection: AnyProjection, range: KeyRange) => {
        const viewDocs = docs.get(projection.name);
        if (!viewDocs) throw new Error(`The ${projection.name} view was read but not named in at(…)`);
        return { position: asOfPosition, docs: selectDocs(viewDocs, range) as Map<string, Doc> };
      },
    };
  }

  private async replay(time: { asOf: string } | { asOfPosition: number }, projections: readonly AnyProjection[], scope: ReplayScope) {
    const { bound, marks } = await this.moment(time);
    return { ...(await replayViews(this.store, projections, scope, bound, { snapshots: await this.snapshots() })), marks };
  }

  private async snapshots(): Promise<Snapshots> {
    // Asked once; a failed ask is asked again by the next replay.
    this.log ??= this.store.identity().catch((error: unknown) => {
      this.log = undefined;
      throw error;
    });
    return {
      latest: (scope, toPosition) => this.snapshotStore.latest(scope, toPosition),
      save: (scope, snapshot) => this.snapshotStore.save(scope, snapshot),
      log: await this.log,
      every: this.config.asOfSnapshotEvery,
      onSaveFailed: (error) => this.logger.warn(`an as-of replay snapshot was not stored: ${(error as Error).message}`),
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
        const { position, version, docs } = await this.engine.loadDocs<Doc>(projection.name, range);
        if (version !== null && version < projection.version) throw new ViewRebuilding(projection.name, version, projection.version);
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
