import { PerformanceObserver } from 'node:perf_hooks';
import type { PoolStats } from '@app/event-store';
import { round } from '../../report/percentiles.js';
import { cpuTicks, type CpuTicks } from './thread-cpu.js';

/**
 * What held the server up during a span of the open loop: the app's event loop, its GC, PostgreSQL's
 * waits, the app's connection pools, and whose CPU the machine's cores were busy with.
 */
export interface ServerWatchFigures {
  /** The app's event loop late by more than 20 ms: how often, in all, and the longest. */
  loopStalls: { count: number; totalMs: number; maxMs: number };
  /** The app's garbage-collection pauses: in all, the longest. */
  gc: { totalMs: number; maxMs: number };
  /**
   * Samples every 50 ms of PostgreSQL's backends that are not idle (a transaction waiting for the app
   * shows as `Client:ClientRead`), as `<statement's start, or the backend type> | <wait, or CPU>`,
   * most seen first.
   */
  postgresWaits: Record<string, number>;
  /**
   * Per connection pool of the app, sampled every 10 ms: the most callers seen waiting for a
   * connection, in how many samples any waited, and the most connections in use.
   */
  poolWaits: Record<string, { maxWaiting: number; samplesWaiting: number; maxInUse: number }>;
  /**
   * CPU over the span (sampled every 50 ms, so a short span is widened to its samples): the app's
   * main thread and its other threads (V8's concurrent GC and compiling, libuv's pool, worker
   * threads), in ms, and how busy the machine's cores were, in per cent of all of them.
   */
  cpu: { appMainThreadMs: number; appOtherThreadsMs: number; machineBusyPercent: number } | undefined;
}

interface Query {
  query(sql: string): Promise<unknown>;
}

const LOOP_TICK_MS = 10;
const STALL_MS = 20;
const CPU_SAMPLE_MS = 50;

/**
 * Watches the process hosting the app (the bench's own) and its PostgreSQL while the open loop
 * runs, so a latency tail can be told apart: the event loop held up (a long synchronous task or
 * a GC pause), PostgreSQL waiting (on locks, I/O, WAL), callers waiting for a pool's connection,
 * or the cores full (the app's other threads, PostgreSQL, the load generator). `figures(from, to)`
 * sums a span given in epoch milliseconds (`performance.timeOrigin + performance.now()`).
 */
export function watchServer(dataSource: Query, pools: Record<string, () => PoolStats | undefined> = {}) {
  const stalls: { at: number; ms: number }[] = [];
  const poolSamples: { at: number; pool: string; waiting: number; inUse: number }[] = [];
  const pauses: { at: number; ms: number }[] = [];
  const waits: { at: number; key: string }[] = [];
  const cpuSamples: (CpuTicks & { at: number })[] = [];
  const now = () => performance.timeOrigin + performance.now();
  const cpuSampler = setInterval(() => {
    const ticks = cpuTicks();
    if (ticks) cpuSamples.push({ at: now(), ...ticks });
  }, CPU_SAMPLE_MS);
  let last = performance.now();
  const ticker = setInterval(() => {
    const late = performance.now() - last - LOOP_TICK_MS;
    last = performance.now();
    if (late > STALL_MS) stalls.push({ at: now(), ms: late });
    for (const [pool, counts] of Object.entries(pools)) {
      const c = counts();
      if (c) poolSamples.push({ at: now(), pool, waiting: c.waiting, inUse: c.total - c.idle });
    }
  }, LOOP_TICK_MS);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const at = now();
      // A sample that fails (the server is busy restarting, say) is left out; the watch goes on.
      const rows = (await dataSource
        .query(
          `SELECT backend_type, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait, left(query, 40) AS query
         FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (state IS NULL OR state <> 'idle')
           AND backend_type NOT IN ('archiver', 'logical replication launcher', 'autovacuum launcher')`,
        )
        .catch(() => [])) as { backend_type: string; wait: string; query: string }[];
      for (const r of rows) {
        const what = r.backend_type === 'client backend' ? r.query.replace(/\s+/g, ' ').slice(0, 30) : r.backend_type;
        if (!r.wait.startsWith('Activity:')) waits.push({ at, key: `${what} | ${r.wait}` });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    figures(from: number, to: number): ServerWatchFigures {
      const inSpan = <T extends { at: number }>(list: T[]) => list.filter((x) => x.at >= from && x.at <= to);
      const spanStalls = inSpan(stalls);
      const spanPauses = inSpan(pauses);
      const counts: Record<string, number> = {};
      for (const w of inSpan(waits)) counts[w.key] = (counts[w.key] ?? 0) + 1;
      return {
        loopStalls: {
          count: spanStalls.length,
          totalMs: round(spanStalls.reduce((sum, s) => sum + s.ms, 0)),
          maxMs: round(Math.max(0, ...spanStalls.map((s) => s.ms))),
        },
        gc: { totalMs: round(spanPauses.reduce((sum, p) => sum + p.ms, 0)), maxMs: round(Math.max(0, ...spanPauses.map((p) => p.ms))) },
        postgresWaits: Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1])),
        cpu: cpuOver(cpuSamples, from, to),
        poolWaits: Object.fromEntries(
          Object.keys(pools).map((pool) => {
            const samples = inSpan(poolSamples).filter((p) => p.pool === pool);
            return [
              pool,
              {
                maxWaiting: Math.max(0, ...samples.map((p) => p.waiting)),
                samplesWaiting: samples.filter((p) => p.waiting > 0).length,
                maxInUse: Math.max(0, ...samples.map((p) => p.inUse)),
              },
            ];
          }),
        ),
      };
    },
    async stop(): Promise<void> {
      clearInterval(ticker);
      clearInterval(cpuSampler);
      observer.disconnect();
      polling = false;
      await poll;
    },
  };
}

/** CPU between the last sample at or before `from` and the first at or after `to`. */
function cpuOver(samples: (CpuTicks & { at: number })[], from: number, to: number): ServerWatchFigures['cpu'] {
  const first = samples.findLast((s) => s.at <= from);
  const last = samples.find((s) => s.at >= to);
  if (!first || !last || last.machineTotal === first.machineTotal) return undefined;
  const ms = (ticks: number) => ticks * 10;
  return {
    appMainThreadMs: ms(last.main - first.main),
    appOtherThreadsMs: ms(last.otherThreads - first.otherThreads),
    machineBusyPercent: Math.round(((last.machineBusy - first.machineBusy) / (last.machineTotal - first.machineTotal)) * 100),
  };
}
