import pg from 'pg';
import type { NewEvent } from '@app/event-store';
import { localPostmaster, postgresCpuSeconds } from '../report/cpu-seconds.js';
import { eventAt, type HistoryContext } from '../national/history-context.js';
import { orgNumber, random } from '../national/random.js';
import { percentile, round } from '../report/percentiles.js';
import { bareInserts, emmettStore, ourStore, type AppendTarget } from './append-targets.js';

export interface AppendFigures {
  /** events/s */
  ours: number;
  emmett: number;
  ceiling: number;
  p99Ms: { ours: number; emmett: number; ceiling: number };
  /**
   * CPU per appended event in the run kept, µs: this process's (the writers, the driver, our store's
   * code) and PostgreSQL's (undefined when the server is not on this machine). Steadier than the
   * rate on a shared machine, and it says which side a ratio is lost on.
   */
  cpuUsPerEvent: { ours: EventCpu; emmett: EventCpu; ceiling: EventCpu };
}

export interface EventCpu {
  app: number;
  postgres: number | undefined;
}

const WRITERS = 32;

/**
 * Single-event appends to distinct streams from 32 concurrent writers, then 100-event appends,
 * for our store, Emmett's and bare INSERTs of the same rows, on the same database. Each target
 * runs twice in turn (ours, Emmett, bare, ours, …) and keeps its better run: the machine is shared.
 */
export async function measureAppends(
  connectionString: string,
  singles: number,
  batches: number,
  rounds: number,
): Promise<{ single: AppendFigures; batch: AppendFigures }> {
  const targets = [
    await ourStore(connectionString, WRITERS + 2),
    await emmettStore(connectionString, WRITERS + 2),
    await bareInserts(connectionString, WRITERS + 2),
  ];
  try {
    const postmaster = await postmasterOf(connectionString);
    const single = await compare(targets, rounds, postmaster, (round) => workload(1_000 + round, singles, 1));
    const batch = await compare(targets, rounds, postmaster, (round) => workload(2_000 + round, batches, 100));
    return { single, batch };
  } finally {
    for (const target of targets) await target.close();
  }
}

async function compare(
  targets: AppendTarget[],
  rounds: number,
  postmaster: number | undefined,
  work: (round: number) => Workload,
): Promise<AppendFigures> {
  const best: Record<string, { rate: number; p99: number; cpu: EventCpu }> = {};
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const target of targets) {
      const figures = await run(target, work(n++), postmaster);
      if (!best[target.name] || figures.rate > best[target.name]!.rate) best[target.name] = figures;
    }
  }
  const figure = (name: string) => best[name]!;
  return {
    ours: figure('ours').rate,
    emmett: figure('emmett').rate,
    ceiling: figure('ceiling').rate,
    p99Ms: { ours: figure('ours').p99, emmett: figure('emmett').p99, ceiling: figure('ceiling').p99 },
    cpuUsPerEvent: { ours: figure('ours').cpu, emmett: figure('emmett').cpu, ceiling: figure('ceiling').cpu },
  };
}

type Workload = { streamId: string; events: NewEvent[] }[];

/** Employer contacts of a bench office (9990), each append to a stream no other append touches. */
function workload(seed: number, appends: number, eventsPerAppend: number): Workload {
  const rnd = random(seed);
  const ctx: HistoryContext = { rnd, start: 0, end: 0 };
  const seen = new Set<string>();
  const work: Workload = [];
  while (work.length < appends + WRITERS) {
    const org = orgNumber(rnd);
    if (seen.has(org)) continue;
    seen.add(org);
    const at = Date.parse('2026-10-01T08:00:00Z') + work.length * 1000;
    const events = Array.from({ length: eventsPerAppend }, (_, i) =>
      eventAt(
        ctx,
        'EmployerContacted',
        {
          contactId: `${seed}-${work.length}-${i}`,
          orgNumber: org,
          channel: 'PHONE',
          theme: 'RECRUITMENT',
          occurredAt: new Date(at + i).toISOString(),
          navIdent: 'Z999999',
        },
        '9990',
        'Z999999',
        at + i,
      ),
    );
    work.push({ streamId: `office-9990.employer-${org}`, events });
  }
  return work;
}

/** WRITERS loops, each taking the next append when its last one is done; the first WRITERS appends warm up. */
async function run(
  target: AppendTarget,
  work: Workload,
  postmaster: number | undefined,
): Promise<{ rate: number; p99: number; cpu: EventCpu }> {
  await Promise.all(work.slice(0, WRITERS).map((a) => target.append(a.streamId, a.events)));
  const measured = work.slice(WRITERS);
  const timings: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const postgres = postmaster === undefined ? undefined : postgresCpuSeconds(postmaster);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < measured.length) {
        const { streamId, events } = measured[next++]!;
        const t0 = performance.now();
        await target.append(streamId, events);
        timings.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = measured.reduce((sum, a) => sum + a.events.length, 0);
  const app = process.cpuUsage(cpu);
  const postgresAfter = postmaster === undefined ? undefined : postgresCpuSeconds(postmaster);
  return {
    rate: Math.round(events / seconds),
    p99: round(percentile(timings, 99)),
    cpu: {
      app: round((app.user + app.system) / events, 1),
      postgres: postgres === undefined || postgresAfter === undefined ? undefined : round(((postgresAfter - postgres) * 1e6) / events, 1),
    },
  };
}

/** The server's postmaster, when it runs on this machine. */
async function postmasterOf(connectionString: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return localPostmaster(rows[0]!.pid);
  } finally {
    await client.end();
  }
}
