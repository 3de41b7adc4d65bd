/**
 * Issues 5 and 16 on their own: the time to replay the largest office of the synthetic national
 * data set as as-of replay does it, from nothing (prefix read of the office, every projection
 * folded in memory) and from snapshots (each view's latest snapshot at or before a random moment,
 * then the office's events after it), and an auditor's national offices replay.
 *
 *   npm run seed                 # once: the national data set in DATABASE_URL or DATA_DIR
 *   npm run bench:replay         # prints the figures (--every <the app's ASOF_SNAPSHOT_EVERY> --moments 100 --runs 3
 *                                # --national 1 --whole-log 1 --largest 1 --replay-threads <cores>, 0: the calling thread);
 *                                # writes bench/results/replay-<date>-<head>.json
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DataSource } from 'typeorm';
import { createPostgresEventStore } from '@app/event-store';
import { provideDatabase } from '../src/bootstrap/provide-database.js';
import { configFromEnvironmentOrExit, loadConfig } from '../src/config/index.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { ReplaySnapshotStore } from '../src/shared/views/snapshots/replay-snapshot-store.js';
import { OfficeReplayThreads } from '../src/infrastructure/office-replay-threads.js';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { numberArgument } from './report/arguments.js';
import { round } from './report/percentiles.js';
import {
  AS_OF_ROUTES,
  largestOfficeInLog,
  measureAsOfFromSnapshots,
  measureNationalOfficesAsOf,
  measureNationalWholeLog,
  measureReplay,
  OFFICES_VIEW,
} from './sections/replay.section.js';
import { runScript } from './report/run-script.js';
import { resultFile } from './report/result-file.js';

async function main(): Promise<void> {
  const every = numberArgument('--every', loadConfig({}).asOfSnapshotEvery);
  const moments = numberArgument('--moments', 100);
  const runs = numberArgument('--runs', 3);
  /** `--national 0` leaves out the national replays; `--whole-log 0` the one as before snapshots (minutes on a busy machine). */
  const national = numberArgument('--national', 1) !== 0;
  const wholeLog = numberArgument('--whole-log', 1) !== 0;
  /** `--largest 0` leaves out the largest office's replays (the national ones alone). */
  const largest = numberArgument('--largest', 1) !== 0;
  /** Threads the national replays fold offices on, as the app's (default: one per core); 0: this thread, as before. */
  const replayThreads = numberArgument('--replay-threads', availableParallelism());
  const database = await provideDatabase(configFromEnvironmentOrExit(), (line) => console.log(line));
  const store = await createPostgresEventStore({ connectionString: database.url, poolSize: 2 });
  const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MIGRATIONS });
  await dataSource.initialize();
  const threads =
    replayThreads > 0
      ? new OfficeReplayThreads({
          databaseUrl: database.url,
          calling: { store, snapshotStore: new ReplaySnapshotStore(dataSource) },
          threads: replayThreads,
        })
      : undefined;
  try {
    await dataSource.runMigrations();
    const office = await largestOfficeInLog((text) => dataSource.query(text));
    const projections = APP_PROJECTIONS;
    let replay = largest ? await measureReplay(store, projections, office) : null;
    for (let run = 1; largest && run <= runs; run++) {
      replay = await measureReplay(store, projections, office);
      console.log(
        `run ${run}: replayed office ${replay.officeNumber} (${replay.events.toLocaleString('en')} events) ` +
          `through ${projections.length} views in ${replay.largestOfficeMs} ms (read ${replay.readMs} ms)`,
      );
    }
    // A first replay takes the snapshots: start from none, so it is measured too.
    await dataSource.query('DELETE FROM view_replay_snapshots WHERE office = $1', [office]);
    const asOf = largest ? await measureAsOfFromSnapshots(store, dataSource, AS_OF_ROUTES, office, { every, moments }) : null;
    if (asOf) console.log(JSON.stringify(asOf, null, 2));
    const cpu = process.cpuUsage();
    const nationalWholeLogMs = national && wholeLog ? await measureNationalWholeLog(store, OFFICES_VIEW) : null;
    const wholeLogCpu = process.cpuUsage(cpu);
    console.log(`national offices view, one fold of the whole log (as before): ${nationalWholeLogMs ?? 'not measured'} ms`);
    const nationalOfficesAsOf = national
      ? await measureNationalOfficesAsOf(store, dataSource, OFFICES_VIEW, { every, moments: 5, threads })
      : null;
    const nationalCpu = process.cpuUsage(cpu);
    console.log(`national offices view from snapshots: ${JSON.stringify(nationalOfficesAsOf)}`);
    const cpuSeconds = {
      wholeLog: round((wholeLogCpu.user + wholeLogCpu.system) / 1e6, 1),
      fromSnapshots: round((nationalCpu.user + nationalCpu.system - wholeLogCpu.user - wholeLogCpu.system) / 1e6, 1),
    };
    console.log(`app process CPU seconds: ${JSON.stringify(cpuSeconds)}`);
    const head = await store.headPosition();
    const file = resultFile(`replay-${new Date().toISOString().slice(0, 10)}-${head}${largest ? '' : '-national'}`);
    const figures = { date: new Date().toISOString(), head, replay, asOf, nationalWholeLogMs, nationalOfficesAsOf, cpuSeconds };
    writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`wrote ${file}`);
  } finally {
    await threads?.onModuleDestroy();
    await dataSource.destroy();
    await store.close();
    await database.stop();
  }
}

runScript(main);
