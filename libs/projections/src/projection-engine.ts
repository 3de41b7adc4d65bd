import type { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import type { BeforeCommit } from './batch-commit.js';
import type { CommittedBatch, ProjectionLogger } from './follow.js';
import type { KeyRange } from './key-range.js';
import { loadDocs, loadDocsAsJson, type DocsAsJson, type LoadedDocs } from './load-docs.js';
import { checkProjectionName, type AnyProjection, type Projection } from './projection.js';
import { UnknownProjection } from './projection.errors.js';
import { CHECKPOINTS, REBUILDS } from './projection-tables.js';
import { eventsBehind, readStatusRows, toStatus, type ProjectionStatus } from './projection-status.js';
import { countParked, listParked, type ParkedEvent } from './parked-events.js';
import { PositionWaiter } from './position-waiter.js';
import { bindCheckpointsToStore } from './checkpoint-store.js';
import { ensureCheckpoints, requestRebuild } from './progress.js';
import { ProjectionJobs } from './projection-jobs.js';
import { queryRows, toNumber } from './sql.js';
import { checkPoolSize, checkTables } from './startup-checks.js';
import { CheckpointMoves } from './checkpoint-moves.js';
import { LiveLogReader } from './live-log-reader.js';
import { SharedLogReader } from './shared-log-reader.js';
import { verifyProjection, type VerifyOptions, type VerifyResult } from './verify-projection.js';

export interface ProjectionEngineOptions {
  dataSource: DataSource;
  eventStore: EventStore;
  projections: readonly AnyProjection[];
  /** Most events per batch (one transaction); default 1000. */
  batchSize?: number;
  /**
   * Events per read of the log while rebuilding (the reads every rebuild of an instance shares);
   * default 2500. At most two reads are held at once.
   */
  rebuildBatchSize?: number;
  /**
   * Once caught up, the read of the head that the live jobs share (`LiveLogReader`) waits this long
   * after each read before reading again; default 25. Under a stream of commands each job then
   * commits about one batch per linger instead of one per append: fewer transactions competing with
   * the commands, at most this much later in the views.
   */
  liveLingerMs?: number;
  /**
   * Most events a rebuild folds between two commits (it commits sooner at the head of the log);
   * default `rebuildBatchSize`: one read per commit. Larger windows write a doc many events touch
   * once per window and take work off PostgreSQL, at the cost of memory; where Node rather than
   * PostgreSQL is the bottleneck they did not rebuild faster (bench/README.md, "Rebuilds since
   * windows and the cache").
   */
  rebuildWindowEvents?: number;
  /** …and at most about this many bytes of rows (their JSON as loaded); default 2 MB. */
  rebuildWindowBytes?: number;
  /**
   * Bound of each rebuild's cache of the rows it committed, in bytes of their JSON; default 0
   * (none): every window SELECTs its rows. A cache spares PostgreSQL those SELECTs for memory.
   */
  rebuildCacheBytes?: number;
  /**
   * Bound of each live job's store of the rows it last committed or read, in bytes of their JSON;
   * default 4 MB, 0 for none. A batch whose rows are all there commits in one round trip instead of
   * two (bench/README.md, "Live batches in one round trip").
   */
  liveCacheBytes?: number;
  /** How often a standby instance tries to take a job over, and an idle job looks again; default 3000. */
  retryIntervalMs?: number;
  /** Rebuild jobs one instance takes at once (each holds a connection and a core); default 1. */
  maxRebuildsPerInstance?: number;
  /** How often `waitForPosition` looks at the checkpoints; default 50. */
  pollIntervalMs?: number;
  logger?: ProjectionLogger;
  /** For fault-injection tests: runs inside each batch's transaction, after its writes, before COMMIT. */
  beforeCommit?: BeforeCommit;
}

const quiet: ProjectionLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Runs projections into PostgreSQL tables and answers from them. Framework-free: the Nest
 * module only calls `start` and `stop`. Any number of instances may run on one database;
 * each job is done by one of them at a time.
 */
export class ProjectionEngine {
  private readonly jobs = new Map<string, ProjectionJobs>();
  private readonly waiter: PositionWaiter;
  private readonly logger: ProjectionLogger;
  private readonly batchListeners: ((batch: CommittedBatch) => void)[] = [];
  private liveReader?: LiveLogReader;
  private readonly checkpointMoves = new CheckpointMoves();
  private rebuildReader?: SharedLogReader;
  private abort = new AbortController();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private again = false;

  constructor(private readonly options: ProjectionEngineOptions) {
    this.logger = options.logger ?? quiet;
    this.waiter = new PositionWaiter(options.dataSource, options.pollIntervalMs ?? 50);
    for (const projection of options.projections) {
      checkProjectionName(projection.name);
      if (this.jobs.has(projection.name)) throw new Error(`Two projections are named ${projection.name}`);
      this.jobs.set(projection.name, this.newJobs(projection));
    }
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Checks the tables, then takes whatever jobs no other instance holds, and keeps trying. */
  async start(): Promise<void> {
    if (this.running) return;
    const { dataSource, maxRebuildsPerInstance = 1 } = this.options;
    await checkTables(
      dataSource,
      [...this.jobs.values()].map((r) => r.tables.live),
    );
    checkPoolSize(dataSource, this.jobs.size, maxRebuildsPerInstance, this.logger);
    await ensureCheckpoints(this.options.dataSource, this.options.projections);
    const names = this.options.projections.map((p) => p.name);
    await bindCheckpointsToStore(this.options.dataSource, names, await this.options.eventStore.identity(), this.logger);
    this.abort = new AbortController();
    for (const projection of this.options.projections) this.jobs.set(projection.name, this.newJobs(projection));
    this.timer = setInterval(() => this.wake(), this.options.retryIntervalMs ?? 3000);
    this.wake();
    await this.round;
  }

  /** Lets batches in flight commit, then gives every job up for another instance to take. */
  async stop(): Promise<void> {
    if (!this.running) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.round;
    await Promise.all([...this.jobs.values()].map((jobs) => jobs.stopped()));
  }

  async status(): Promise<ProjectionStatus[]> {
    const names = [...this.jobs.keys()];
    const [rows, headPosition] = await Promise.all([
      readStatusRows(this.options.dataSource, names),
      this.options.eventStore.headPosition(),
    ]);
    const { eventStore } = this.options;
    return Promise.all(
      rows.map(async (row) => {
        const jobs = this.jobsOf(row.name);
        const [live, rebuild] = await Promise.all([
          eventsBehind(eventStore, toNumber(row.position), headPosition),
          row.rebuild_position === null ? 0 : eventsBehind(eventStore, toNumber(row.rebuild_position), headPosition),
        ]);
        return toStatus(row, {
          version: jobs.projection.version,
          headPosition,
          lag: { live, rebuild },
          leader: jobs.holds('live'),
          engineRunning: this.running,
        });
      }),
    );
  }

  async statusOf(name: string): Promise<ProjectionStatus> {
    this.jobsOf(name);
    const status = (await this.status()).find((s) => s.name === name);
    if (!status) throw new Error(`${name} has no checkpoint yet: start the engine once`);
    return status;
  }

  /**
   * Builds the view again from position 0 into a shadow table while the live one keeps
   * answering, and swaps it in when it has caught up. A rebuild already under way goes on.
   */
  async rebuild(name: string): Promise<ProjectionStatus> {
    const { projection } = this.jobsOf(name);
    await ensureCheckpoints(this.options.dataSource, [projection]);
    await requestRebuild(this.options.dataSource, name, projection.version, { restartFailed: true });
    if (this.running) this.wake();
    return this.statusOf(name);
  }

  /** The events the live view has parked, oldest first (README, "Failures"). */
  async parked(name: string, limit = 1000): Promise<ParkedEvent[]> {
    this.jobsOf(name);
    return listParked(this.options.dataSource, name, limit);
  }

  /**
   * Retries the parked events after a fix: a rebuild from position 0 with the code now running,
   * since an event can only be applied in its place in the log. Those that fail again are parked
   * again; at the swap the rebuilt view's parked events replace the live one's.
   */
  async retryParked(name: string): Promise<{ retrying: number; status: ProjectionStatus }> {
    const { projection } = this.jobsOf(name);
    const retrying = await countParked(this.options.dataSource, name);
    if (retrying > 0) await requestRebuild(this.options.dataSource, name, projection.version, { restartFailed: true });
    if (this.running) this.wake();
    return { retrying, status: await this.statusOf(name) };
  }

  /** The projection this instance runs under that name: its code, whichever release wrote the table. */
  projection(name: string): AnyProjection {
    return this.jobsOf(name).projection;
  }

  /** True once the view has processed `minPosition` (on any instance); false after the timeout or when it failed. */
  waitForPosition(name: string, minPosition: number, timeoutMs = 5000): Promise<boolean> {
    this.jobsOf(name);
    return this.waiter.wait(name, minPosition, timeoutMs);
  }

  // Whatever events the projection takes: only its name and version are read here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  loadDocs<Doc>(projection: Projection<Doc, any> | string, range?: KeyRange): Promise<LoadedDocs<Doc>> {
    const name = typeof projection === 'string' ? projection : projection.name;
    this.jobsOf(name);
    return loadDocs<Doc>(this.options.dataSource, name, range);
  }

  /** `loadDocs`, as one JSON text of `[key, doc]` pairs (see `loadDocsAsJson`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  loadDocsAsJson(projection: Projection<any, any> | string, range?: KeyRange): Promise<DocsAsJson> {
    const name = typeof projection === 'string' ? projection : projection.name;
    this.jobsOf(name);
    return loadDocsAsJson(this.options.dataSource, name, range);
  }

  verify(name: string, options?: VerifyOptions): Promise<VerifyResult> {
    return verifyProjection(this.options.dataSource, this.options.eventStore, this.jobsOf(name).projection, options);
  }

  /** Hears of every batch (live) or window (rebuild) that committed, e.g. to count it; must not throw. */
  onBatchCommitted(listener: (batch: CommittedBatch) => void): void {
    this.batchListeners.push(listener);
  }

  /** One round of looking for work; rounds never overlap, and a request during one runs another. */
  private wake(): void {
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.takeJobs()
      .catch((error) => this.logger.warn(`projections: looking for work failed: ${String(error)}`))
      .finally(() => {
        this.round = undefined;
        if (this.again && this.running) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async takeJobs(): Promise<void> {
    const { dataSource } = this.options;
    const allJobs = [...this.jobs.values()];
    const liveVersions = await queryRows<{ name: string; version: number }>(
      dataSource,
      `SELECT name, version FROM ${CHECKPOINTS} WHERE name = ANY($1)`,
      [allJobs.map((jobs) => jobs.projection.name)],
    );
    const liveVersion = new Map(liveVersions.map((row) => [row.name, row.version]));
    for (const jobs of allJobs) {
      const { name, version } = jobs.projection;
      const live = liveVersion.get(name) ?? version;
      // A newer version deployed: rebuild it (whoever holds the live job); queries answer from replay until the swap.
      if (live < version) await requestRebuild(dataSource, name, version, { restartFailed: false, ifLiveOlder: true });
    }
    const rebuilds = await queryRows<{ name: string; version: number }>(dataSource, `SELECT name, version FROM ${REBUILDS}`);
    for (const jobs of allJobs) {
      if (this.abort.signal.aborted) return;
      // Only the instances of the table's version follow it: an older one's table stays current for
      // the older instances of a rolling deploy, and nobody runs a fold the table was not built by.
      if ((liveVersion.get(jobs.projection.name) ?? jobs.projection.version) === jobs.projection.version) await jobs.tryTake('live');
      else jobs.giveUpLive();
    }
    for (const jobs of allJobs) {
      const busy = allJobs.filter((r) => r.holds('rebuild')).length;
      if (this.abort.signal.aborted || busy >= (this.options.maxRebuildsPerInstance ?? 1)) return;
      const wanted = rebuilds.some((r) => r.name === jobs.projection.name && r.version === jobs.projection.version);
      if (wanted) await jobs.tryTake('rebuild');
    }
  }

  private newJobs(projection: AnyProjection): ProjectionJobs {
    const {
      dataSource,
      eventStore,
      batchSize = 1000,
      rebuildBatchSize = 2_500,
      liveLingerMs = 25,
      retryIntervalMs = 3000,
      beforeCommit,
    } = this.options;
    const { rebuildWindowEvents = rebuildBatchSize, rebuildWindowBytes = 2 * 2 ** 20, rebuildCacheBytes = 0 } = this.options;
    const { liveCacheBytes = 4 * 2 ** 20 } = this.options;
    // The event store's subscription calls its wait `lingerMs`: the port's name, not a second one of ours.
    this.liveReader ??= new LiveLogReader(eventStore, batchSize, liveLingerMs);
    this.rebuildReader ??= new SharedLogReader(eventStore, rebuildBatchSize);
    return new ProjectionJobs(projection, {
      dataSource,
      batchSize,
      rebuildBatchSize,
      rebuildWindowEvents,
      rebuildWindowBytes,
      rebuildCacheBytes,
      liveCacheBytes,
      liveReader: this.liveReader,
      checkpointMoves: this.checkpointMoves,
      rebuildReader: this.rebuildReader,
      retryIntervalMs,
      beforeCommit,
      logger: this.logger,
      signal: this.abort.signal,
      wake: () => this.wake(),
      committed: (batch) => this.batchListeners.forEach((listener) => listener(batch)),
    });
  }

  private jobsOf(name: string): ProjectionJobs {
    const jobs = this.jobs.get(name);
    if (!jobs) throw new UnknownProjection(name);
    return jobs;
  }
}
