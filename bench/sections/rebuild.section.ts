import type { DataSource } from 'typeorm';
import type { EventStore, RecordedEvent } from '@app/event-store';
import type { AnyProjection } from '@app/projections';
import { ProjectionEngine, type ProjectionEngineOptions } from '@app/projections';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cpuSeconds } from '../report/cpu-seconds.js';
import { PeakRss } from '../report/peak-rss.js';

export interface RebuildFigures {
  /** Log events per second to rebuild every projection (all at once) from position 0. */
  ours: number;
  /** Log events per second to only read the whole log through the same subscription. */
  ceiling: number;
  seconds: number;
  ceilingSeconds: number;
  peakRssMb: number;
  /** The process's RSS as the rebuild began: in the app, what it held already (the peak's part that is not the rebuild's). */
  rssAtStartMb?: number;
  /**
   * CPU seconds the app's process and PostgreSQL took for the rebuild, and for the read alone
   * (steadier than wall time on a shared machine).
   */
  cpu: CpuFigures;
  ceilingCpu: CpuFigures;
}

interface CpuFigures {
  app: number;
  postgres: number | undefined;
}

/**
 * Rebuilds every view the way an admin's `POST …/rebuild` does (shadow table, swap), on an engine
 * of its own that may run all rebuilds at once while the app's engine keeps the live views.
 */
export async function measureRebuild(
  dataSource: DataSource,
  store: EventStore,
  projections: readonly AnyProjection[],
  engineOptions: Pick<
    ProjectionEngineOptions,
    'rebuildBatchSize' | 'rebuildWindowEvents' | 'rebuildWindowBytes' | 'rebuildCacheBytes'
  > = {},
): Promise<RebuildFigures> {
  const head = await store.headPosition();
  const postmaster = await postmasterPid(dataSource);
  const cpuFrom = (before: CpuFigures): CpuFigures => {
    const now = cpuSeconds(postmaster);
    return {
      app: round(now.app - before.app),
      postgres: now.postgres === undefined || before.postgres === undefined ? undefined : round(now.postgres - before.postgres),
    };
  };
  const rss = new PeakRss();
  const readCpu = cpuSeconds(postmaster);
  const readStarted = performance.now();
  const read = await readLogToHead(store, head, 1000);
  const ceilingSeconds = (performance.now() - readStarted) / 1000;
  const ceilingCpu = cpuFrom(readCpu);

  const engine = new ProjectionEngine({
    ...engineOptions,
    dataSource,
    eventStore: store,
    projections,
    maxRebuildsPerInstance: projections.length,
    retryIntervalMs: 200,
  });
  const started = performance.now();
  const rebuildCpu = cpuSeconds(postmaster);
  rss.reset();
  const rssAtStartMb = Math.round(process.memoryUsage.rss() / 1_048_576);
  // Every rebuild asked for before the engine starts, so that its first round takes them all
  // (and the app's engine, which also takes rebuilds, has next to no moment to take one).
  for (const projection of projections) await engine.rebuild(projection.name);
  await engine.start();
  while (await rebuildsLeft(dataSource)) await new Promise((resolve) => setTimeout(resolve, 100));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuFrom(rebuildCpu);
  await engine.stop();
  const peakRssMb = rss.stop();
  return {
    ours: Math.round(head / seconds),
    ceiling: Math.round(read / ceilingSeconds),
    seconds,
    ceilingSeconds,
    peakRssMb,
    rssAtStartMb,
    cpu,
    ceilingCpu,
  };
}

/**
 * The same in a fresh process (`rebuild-process.ts`) while the app keeps the live views: its
 * peak RSS is the rebuild's own, not the app's after catching up and replaying.
 */
export async function measureRebuildInFreshProcess(databaseUrl: string, args: readonly string[] = []): Promise<RebuildFigures> {
  const script = fileURLToPath(new URL('../rebuild-process.js', import.meta.url));
  const { stdout } = await run(process.execPath, [script, databaseUrl, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as RebuildFigures;
}

/** Reads the whole log to `head` through the store's subscription, handing each batch to `each`; the events read. */
export async function readLogToHead(
  store: EventStore,
  head: number,
  batchSize: number,
  each: (batch: RecordedEvent[]) => void = () => undefined,
): Promise<number> {
  let read = 0;
  const subscription = store.subscribe({ batchSize });
  try {
    for await (const batch of subscription) {
      each(batch);
      read += batch.length;
      if (batch[batch.length - 1]!.position >= head) break;
    }
  } finally {
    await subscription.close();
  }
  return read;
}

/** `fold-only.ts`'s figures: every view folded in memory over one read of the log, nothing written. */
export interface FoldOnlyFigures {
  events: number;
  read: FoldOnlyPhase & { eventsPerSecond: number };
  fold: FoldOnlyPhase & { eventsPerSecond: number };
  serialise: FoldOnlyPhase & { rows: number; jsonMb: number };
  /** The read's time over the fold's and the serialising's: the most a one-thread rebuild could reach, as `ours / ceiling`. */
  ratio: number;
}

interface FoldOnlyPhase {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

/** A rebuild's best case, in a fresh process (`fold-only.ts`): the folds alone, no row read back or written. */
export async function measureFoldOnlyInFreshProcess(databaseUrl: string): Promise<FoldOnlyFigures> {
  const script = fileURLToPath(new URL('../fold-only.js', import.meta.url));
  const { stdout } = await run(process.execPath, [script, databaseUrl], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as FoldOnlyFigures;
}

/**
 * Whether a rebuild is still under way (its request row goes at the swap); throws when one failed.
 * Not `engine.status()`: it counts every view's lag in the event store on each call, work inside
 * the measured figure that has nothing to do with the rebuild.
 */
async function rebuildsLeft(dataSource: DataSource): Promise<boolean> {
  const rows = (await dataSource.query(
    `SELECT c.name, c.status, c.error_message AS error, r.name IS NOT NULL AS rebuilding, r.error_message AS rebuild_error
       FROM projection_checkpoints c LEFT JOIN projection_rebuilds r ON r.name = c.name`,
  )) as { name: string; status: string; error: string | null; rebuilding: boolean; rebuild_error: string | null }[];
  const failed = rows.find((row) => row.status === 'failed' || row.rebuild_error !== null);
  if (failed) throw new Error(`rebuild of ${failed.name} failed: ${failed.rebuild_error ?? failed.error}`);
  return rows.some((row) => row.rebuilding);
}

/** The server's postmaster, when it runs on this machine (the parent of our backend), for its CPU time. */
async function postmasterPid(dataSource: DataSource): Promise<number | undefined> {
  const [row] = (await dataSource.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
  try {
    const text = readFileSync(`/proc/${row!.pid}/stat`, 'utf8');
    return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

const run = promisify(execFile);

const round = (seconds: number) => Math.round(seconds * 100) / 100;
