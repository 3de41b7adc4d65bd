import type { DataSource } from 'typeorm';
import { PostgresEventStore, type PoolStats } from '@app/event-store';
import { typeOrmPoolStats } from '../../src/infrastructure/store-metrics.js';
import { runInChild } from '../report/child-run.js';
import { localPostmaster } from '../report/cpu-seconds.js';
import type { OpenLoopPhase, OpenLoopRun } from './open-loop/open-loop-generator.js';
import { countRoundTrips, type RoundTripFigures } from './open-loop/round-trips.js';
import { watchServer, type ServerWatchFigures } from './open-loop/server-watch.js';
import { viewPaths, type Period } from './query.section.js';

export type WatchedPhase = OpenLoopPhase & {
  server: ServerWatchFigures;
  /** The app's round trips to PostgreSQL per command over the phase (views and live projections included). */
  roundTrips: RoundTripFigures;
  slowest: (OpenLoopPhase['slowest'][number] & { server: ServerWatchFigures })[];
};

/** The fixed arrival rates of issue 16: a national peak is a few tens of commands a second (~7,600 advisors). */
export const OPEN_LOOP_RATES = [50, 200] as const;
/** An auditor's view requests a second meanwhile, each the next of the office's views. */
export const OPEN_LOOP_VIEWS_PER_SECOND = 5;

interface BenchApp {
  apiBase: string;
  dataSource: DataSource;
  store: object;
  token(role: 'auditor' | 'advisor' | 'admin', offices: string[]): Promise<string>;
}

/**
 * Commands of every kind at fixed arrival rates (open loop: sent on schedule whatever the answers,
 * latency counted from the scheduled time), while an auditor asks for the views of `offices[0]`
 * `viewsPerSecond` times a second. A warm-up at the first rate, views included, fills the mix's pools
 * (cases, needs, inquiries to take steps on) and is not counted.
 */
export async function measureOpenLoop(
  app: BenchApp,
  offices: string[],
  period: Period,
  seconds: number,
  viewsPerSecond = OPEN_LOOP_VIEWS_PER_SECOND,
  rates: readonly number[] = OPEN_LOOP_RATES,
): Promise<WatchedPhase[]> {
  const run: OpenLoopRun = {
    apiBase: app.apiBase,
    tokens: { advisor: await app.token('advisor', offices), admin: await app.token('admin', []), auditor: await app.token('auditor', []) },
    offices,
    viewPaths: Object.values(viewPaths(offices[0]!, period)),
    viewsPerSecond,
    phases: [
      { ratePerSecond: rates[0]!, seconds: Math.max(3, seconds / 4), measured: false },
      ...rates.map((ratePerSecond) => ({ ratePerSecond, seconds, measured: true })),
    ],
    seed: 16,
    postmasterPid: await postmasterOf(app),
  };
  // The seed's bulk load leaves hundreds of MB of dirty pages: written out now, not by a checkpoint
  // spread over the measured minutes, whose writes slow every WAL flush an office's day waits on.
  await app.dataSource.query('CHECKPOINT');
  const watch = watchServer(app.dataSource, { typeorm: typeOrmPoolStats(app.dataSource), event_store: eventStorePool(app.store) });
  const roundTrips = countRoundTrips((sql) => sql.includes('FROM pg_stat_activity'));
  try {
    const phases = await runInChild<OpenLoopRun, OpenLoopPhase[]>(new URL('./open-loop/open-loop-generator.js', import.meta.url), run);
    return phases.map((phase) => ({
      ...phase,
      server: watch.figures(phase.span.from, phase.span.to),
      roundTrips: roundTrips.figures(phase.span.from, phase.span.to, phase.count),
      slowest: phase.slowest.map((s) => ({ ...s, server: watch.figures(s.dueAt, s.dueAt + s.ms) })),
    }));
  } finally {
    roundTrips.stop();
    await watch.stop();
  }
}

/** The PostgreSQL adapter's pool under the store's wrappers (upcasting, metrics), when it is PostgreSQL's. */
const eventStorePool = (store: object) => (): PoolStats | undefined => {
  let s = store;
  while (!(s instanceof PostgresEventStore) && 'inner' in s) s = s.inner as object;
  return s instanceof PostgresEventStore ? s.poolStats() : undefined;
};

/** The app's PostgreSQL server, when it runs on this machine. */
async function postmasterOf(app: BenchApp): Promise<number | undefined> {
  const [row] = (await app.dataSource.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
  return localPostmaster(row!.pid);
}

/** The `count` offices with the most events in the log (one index-only count per category). */
export async function largestOffices(query: (sql: string) => Promise<{ category: string }[]>, count: number): Promise<string[]> {
  const rows = await query(`SELECT stream_category AS category FROM es_events
    WHERE stream_category LIKE 'office-%' GROUP BY 1 ORDER BY count(*) DESC LIMIT ${count}`);
  return rows.map((r) => r.category.slice('office-'.length));
}
