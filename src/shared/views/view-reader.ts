import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import type { KeyRange } from '@app/projections';
import type { AnyProjection, LoadedDocs } from '@app/projections';
import { ProjectionEngine, selectDocs } from '@app/projections';
import { EVENT_STORE } from '@app/event-store';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config.js';
import { MetricsRegistry, type Counter } from '../metrics/metrics-registry.js';
import { isTooFarInTheFuture } from '../values/time.js';
import { AsOfBeyondHead, AsOfInTheFuture, AsOfReplaysBusy } from './as-of.errors.js';
import type { Snapshots } from './snapshots/office-replay.js';
import { ReplaySnapshotStore } from './snapshots/replay-snapshot-store.js';
import { REPLAY_THREADS, type ReplayThreads } from './snapshots/replay-threads.js';
import { isReplay, type AsOfMarks, type ViewTime } from './view-time.js';
import { replayViews, type ReplayBound, type ReplayScope } from './view-replay.js';
import { KeptReplays, type ReplayedDocs } from './kept-replays.js';
import { ViewNotReady } from './view-not-ready.error.js';
import type { DocsForThread } from './docs-for-thread.js';
import { rangesByView, type ViewRange } from './read-ranges.js';

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
  /** `read`, for docs another thread turns into the answer: from the table unparsed, as one text (`DocsForThread`). */
  readForThread<Doc = unknown>(projection: AnyProjection, range: KeyRange): Promise<{ position: number; docs: DocsForThread<Doc> }>;
}

/**
 * The one way a query gets its documents. Live: from the projection's table, first waiting for
 * `minPosition` when asked. As of a moment: one in-memory replay of the scope's events through the
 * same projections, selected with the same key range, so the query function that turns documents
 * into an answer is the live one and no figure has a second implementation.
 *
 * Live, while the table holds another release's documents (this instance's version is being rebuilt
 * after a deploy, or this is an older instance and a newer one swapped its version in): the same
 * replay up to the head, kept per view and scope and brought forward at each read (`KeptReplays`).
 * So a view answers with this instance's code throughout an upgrade, never 503
 * (libs/projections/README.md, "New version deployed").
 */
@Injectable()
export class ViewReader {
  private replaysRunning = 0;
  private readonly replaysRefused: Counter;
  private readonly logger = new Logger(ViewReader.name);
  private readonly kept: KeptReplays;
  private log?: Promise<string>;

  constructor(
    private readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly snapshotStore: ReplaySnapshotStore,
    registry: MetricsRegistry,
    /** Where replays fold offices when the app has them (`ReplayThreadsModule`); otherwise on this thread. */
    @Optional() @Inject(REPLAY_THREADS) private readonly threads: ReplayThreads | null = null,
  ) {
    this.kept = new KeptReplays(store);
    registry.gauge(
      'view_replays_running',
      'As-of replays (asOf, asOfPosition) running now: waiting for their position or folding events',
      () => this.replaysRunning,
    );
    this.replaysRefused = registry.counter(
      'view_replays_refused_total',
      'As-of replays refused (503) because ASOF_REPLAYS_MAX were running',
    );
    registry.gauge(
      'view_replays_kept',
      'Live answers kept by replay while a table holds another release of its view',
      () => this.kept.size,
    );
  }

  /**
   * `projections`: every view the query will read; a replay folds them all in one pass over the events.
   * `reads`: the ranges the query will read, given the answer's "now" (`ReadRanges`): a replay then
   * hands back only their documents, and a read of any other range is refused.
   */
  async at(
    time: ViewTime,
    named: readonly AnyProjection[],
    scope: ReplayScope = {},
    reads?: (now: string) => readonly ViewRange[],
  ): Promise<ViewsAt> {
    // A query names a view by the area's constant; the fold used is the one this instance runs.
    const projections = named.map((projection) => this.engine.projection(projection.name));
    if (!isReplay(time)) return this.live(time.minPosition, scope);
    // Taken before anything is awaited, so requests arriving together cannot all pass the check.
    if (this.replaysRunning >= this.config.asOfReplaysMax) {
      this.replaysRefused.inc();
      throw new AsOfReplaysBusy(this.replaysRunning);
    }
    this.replaysRunning++;
    const { docs, lastPosition, parked, marks, now, ranges } = await this.replay(time, projections, scope, reads).finally(
      () => this.replaysRunning--,
    );
    const asOfPosition = 'asOfPosition' in time ? time.asOfPosition : lastPosition;
    if (parked.length > 0) {
      this.logger.warn(`as-of replay left out ${parked.length} event(s) a view could not apply: ${JSON.stringify(parked.slice(0, 10))}`);
    }
    const read = async <Doc>(projection: AnyProjection, range: KeyRange) => {
      const viewDocs = docs.get(projection.name);
      if (!viewDocs) throw new Error(`The ${projection.name} view was read but not named in at(…)`);
      if (ranges && !ranges.get(projection.name)?.some((declared) => JSON.stringify(declared) === JSON.stringify(range))) {
        throw new Error(`The ${projection.name} view was read in ${JSON.stringify(range)}, a range not among the reads given to at(…)`);
      }
      return { position: asOfPosition, docs: selectDocs(viewDocs, range) as Map<string, Doc> };
    };
    return {
      now,
      marks: { ...marks, asOfPosition, ...(parked.length > 0 ? { parkedEvents: parked } : {}) },
      read,
      readForThread: async <Doc>(projection: AnyProjection, range: KeyRange) => {
        const { position, docs } = await read<Doc>(projection, range);
        return { position, docs: { docs } };
      },
    };
  }

  private async replay(
    time: { asOf: string } | { asOfPosition: number },
    projections: readonly AnyProjection[],
    scope: ReplayScope,
    reads: ((now: string) => readonly ViewRange[]) | undefined,
  ) {
    const { bound, marks } = await this.moment(time);
    // With no event at or before asOfPosition there is nothing to count; only a default period needs a now.
    const now = marks.asOf ?? new Date().toISOString();
    const ranges = reads && rangesByView(reads(now));
    const options = { snapshots: await this.snapshots(), threads: this.threads ?? undefined, ranges };
    return { ...(await replayViews(this.store, projections, scope, bound, options)), marks, now, ranges };
  }

  private async snapshots(): Promise<Snapshots> {
    // Asked once; a failed ask is asked again by the next replay.
    this.log ??= this.store.identity().catch((error: unknown) => {
      this.log = undefined;
      throw error;
    });
    return {
      latest: (scopes, toPosition) => this.snapshotStore.latest(scopes, toPosition),
      save: (scope, snapshot) => this.snapshotStore.save(scope, snapshot),
      log: await this.log,
      every: this.config.asOfSnapshotEvery,
      onSaveFailed: (error) => this.logger.warn(`an as-of replay snapshot was not stored: ${(error as Error).message}`),
    };
  }

  private live(minPosition: number | undefined, scope: ReplayScope): ViewsAt {
    // One replay per view for the whole answer, should it read a view twice.
    const replayed = new Map<string, Promise<ReplayedDocs>>();
    const fromReplay = async <Doc>(projection: AnyProjection, range: KeyRange) => {
      if (!replayed.has(projection.name)) replayed.set(projection.name, this.keptReplay(projection, scope, minPosition));
      const { position, docs } = await replayed.get(projection.name)!;
      // The kept docs are shared by every answer at their position: each answer gets copies of its range.
      const selected = [...selectDocs(docs, range)].map(([key, doc]) => [key, structuredClone(doc) as Doc] as const);
      return { position, docs: new Map(selected) };
    };
    /** The table's docs as `load` gives them once they are this release's at `minPosition`; undefined when a replay must answer. */
    const fromTable = async <Loaded extends Omit<LoadedDocs<unknown>, 'docs'>>(projection: AnyProjection, load: () => Promise<Loaded>) => {
      let loaded = await load();
      if (!byThisRelease(loaded.version, projection)) return undefined;
      if (minPosition !== undefined && loaded.position < minPosition) {
        if (!(await this.engine.waitForPosition(projection.name, minPosition, MIN_POSITION_WAIT_MS))) {
          throw new ViewNotReady(projection.name, minPosition);
        }
        loaded = await load();
        if (!byThisRelease(loaded.version, projection)) return undefined;
      }
      this.kept.forget(projection.name);
      return loaded;
    };
    return {
      now: new Date().toISOString(),
      marks: {},
      read: async <Doc>(named: AnyProjection, range: KeyRange) => {
        const projection = this.engine.projection(named.name);
        const loaded = await fromTable(projection, () => this.engine.loadDocs<Doc>(projection.name, range));
        return loaded ? { position: loaded.position, docs: loaded.docs } : fromReplay<Doc>(projection, range);
      },
      readForThread: async <Doc>(named: AnyProjection, range: KeyRange) => {
        const projection = this.engine.projection(named.name);
        const loaded = await fromTable(projection, () => this.engine.loadDocsAsJson(projection.name, range));
        if (loaded) return { position: loaded.position, docs: { json: loaded.json } };
        const { position, docs } = await fromReplay<Doc>(projection, range);
        return { position, docs: { docs } };
      },
    };
  }

  /** The view at the readable head (once it reaches `minPosition`), by this instance's fold. */
  private async keptReplay(projection: AnyProjection, scope: ReplayScope, minPosition = 0): Promise<ReplayedDocs> {
    const head = await this.headReaching(minPosition, MIN_POSITION_WAIT_MS);
    if (head === undefined) throw new ViewNotReady(projection.name, minPosition);
    return this.kept.at(projection, scope, head);
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
    const head = await this.headReaching(time.asOfPosition, HEAD_WAIT_MS);
    if (head === undefined) throw new AsOfBeyondHead(time.asOfPosition, await this.store.headPosition());
    const [last] = await this.store.readAll({ toPosition: time.asOfPosition, direction: 'backwards', limit: 1 });
    return { bound: { toPosition: time.asOfPosition }, marks: { asOf: last?.recordedAt ?? null } };
  }

  /** The readable head once it is at or after `position`; undefined if it is not within `waitMs`. */
  private async headReaching(position: number, waitMs: number): Promise<number | undefined> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const head = await this.store.headPosition();
      if (head >= position) return head;
      if (Date.now() >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, HEAD_POLL_MS));
    }
  }
}

/** Docs written by this instance's version of the view (or none yet): read from the table. */
const byThisRelease = (version: number | null, projection: AnyProjection): boolean => version === null || version === projection.version;
