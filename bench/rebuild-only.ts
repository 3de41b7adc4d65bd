/**
 * The rebuild figure alone, for iterating on the projection engine:
 *
 *   npm run build && node dist/bench/rebuild-only.js --events 250000 [--rounds 2] [--data-dir /tmp/rebuild-pg]
 *     [--batch 2500] [--window 10000] [--window-mb 2] [--cache-mb 8]   (the engine's rebuild options; defaults: the engine's)
 *     [--in app|fresh|both]   (where the rebuild runs: in the app's process, in a fresh one, or both in turn; default both)
 *
 * Seeds the synthetic national history into an embedded PostgreSQL kept under `--data-dir` (so a
 * second run reuses it: seeding is resumable), starts the app so the live views catch up, then
 * measures the read ceiling and the rebuild of every view, `--rounds` times in turn: each round
 * once inside the app's process (as `npm run bench` does) and once in a fresh process of its own.
 */
import 'reflect-metadata';
import { startEmbeddedPostgres, withDatabase } from '@app/database';
import { createPostgresEventStore } from '@app/event-store';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { seedHistory } from './national/seed-history.js';
import { numberArgument, rebuildEngineArguments, rebuildEngineOptions, stringArgument } from './report/arguments.js';
import { startBenchApp } from './sections/bench-app.js';
import { measureRebuild, measureRebuildInFreshProcess } from './sections/rebuild.section.js';
import pg from 'pg';
import { runScript } from './report/run-script.js';

/** The whole history at that size (its rate per month follows from `events`), as `npm run seed` makes it. */
const historyOf = (events: number) => ({ offices: 250, years: 5, seed: 42, events });

async function main(): Promise<void> {
  const events = numberArgument('--events', 250_000);
  const rounds = numberArgument('--rounds', 1);
  const where = stringArgument('--in') ?? 'both';
  if (!['app', 'fresh', 'both'].includes(where)) throw new Error(`--in takes app, fresh or both (got ${where})`);
  const server = await startEmbeddedPostgres({ dataDir: stringArgument('--data-dir') ?? `/tmp/rebuild-pg-${events}`, persistent: true });
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'rebuild_bench'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE rebuild_bench');
    const url = withDatabase(server.url, 'rebuild_bench');
    await seed(url, events);
    const app = await startBenchApp(url);
    try {
      console.log(`live views caught up in ${(await app.caughtUp()).toFixed(1)} s`);
      for (let round = 1; round <= rounds; round++) {
        if (where !== 'fresh') {
          const r = await measureRebuild(app.dataSource, app.store, APP_PROJECTIONS, rebuildEngineOptions());
          console.log(JSON.stringify({ round, in: 'app', ...r, ratio: Math.round((r.ours / r.ceiling) * 100) / 100 }));
        }
        if (where !== 'app') {
          const f = await measureRebuildInFreshProcess(url, rebuildEngineArguments());
          console.log(JSON.stringify({ round, in: 'fresh process', ...f, ratio: Math.round((f.ours / f.ceiling) * 100) / 100 }));
        }
      }
    } finally {
      await app.close();
    }
  } finally {
    await admin.end();
    await server.stop();
  }
}

async function seed(url: string, events: number): Promise<void> {
  const store = await createPostgresEventStore({ connectionString: url, poolSize: 34 });
  try {
    const result = await seedHistory(store, historyOf(events), events, 32);
    console.log(`\nseeded ${result.appended} events; head ${await store.headPosition()}`);
  } finally {
    await store.close();
  }
}

runScript(main);
