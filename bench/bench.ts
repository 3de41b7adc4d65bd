/**
 * Every figure of issue 6 in one run, each next to its comparison, on one database:
 *
 *   npm run bench                    # the first 100k, then all 1M events of the synthetic national history
 *   npm run bench -- --quick         # 10k then 30k events, short runs: a smoke test under a minute
 *   npm run bench -- --events 300000 # another final scale
 *   npm run bench -- --asof-every 500 # as-of snapshots at most every 500 events of a view (the app's ASOF_SNAPSHOT_EVERY)
 *   npm run bench -- --only views    # seed both scales and measure the views only (no file written)
 *   npm run bench -- --only commands # seed both scales and measure the commands only (bench/results/<date>-commands.json)
 *
 * Uses DATABASE_URL's server when set, otherwise a throwaway embedded PostgreSQL on a free port.
 * Prints a table and writes bench/results/<date>.json.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from '@app/database';
import { createPostgresEventStore } from '@app/event-store';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { appendHistory, progressBar } from './national/append-history.js';
import { eventsOf, nationalHistory, type HistoryAppend } from './national/national-history.js';
import { loadConfig } from '../src/config/index.js';
import { flag, numberArgument, stringArgument } from './report/arguments.js';
import { commandComparisons, comparisons, scaleKey, table, type BenchReport } from './report/bench-report.js';
import { machineInfo } from './report/machine.js';
import { round } from './report/percentiles.js';
import { measureAppends } from './sections/append.section.js';
import { startBenchApp } from './sections/bench-app.js';
import { measureHttp } from './sections/http.section.js';
import { largestOffices, measureOpenLoop, OPEN_LOOP_RATES, OPEN_LOOP_VIEWS_PER_SECOND } from './sections/open-loop.section.js';
import { officesEngagementBytes } from './sections/offices-docs.section.js';
import { measureViews, type Period } from './sections/query.section.js';
import { measureFoldOnlyInFreshProcess, measureRebuild, measureRebuildInFreshProcess } from './sections/rebuild.section.js';
import { waitForAutovacuum } from './sections/settled-database.js';
import {
  AS_OF_ROUTES,
  largestOfficeInLog,
  measureAsOfFromSnapshots,
  measureNationalOfficesAsOf,
  measureNationalOfficesAsOfOverHttp,
  measureReplay,
  OFFICES_VIEW,
} from './sections/replay.section.js';
import { measureUpgrade, twelveMonthsToNow } from './sections/upgrade.section.js';
import { runScript } from './report/run-script.js';
import { resultFile } from './report/result-file.js';

const quick = flag('--quick');
const only = stringArgument('--only');
if (only !== undefined && only !== 'views' && only !== 'commands') throw new Error(`--only takes "views" or "commands" (got ${only})`);
const openLoopSeconds = numberArgument('--open-loop-seconds', quick ? 5 : 40);
/** The auditor's view requests a second during the open loop; `--open-loop-views 0` measures the commands alone. */
const openLoopViews = numberArgument('--open-loop-views', OPEN_LOOP_VIEWS_PER_SECOND);
const scale = numberArgument('--events', quick ? 30_000 : 1_000_000);
const scales = [quick ? 10_000 : Math.min(100_000, scale / 10), scale];
/** The app's ASOF_SNAPSHOT_EVERY (its default unless told). */
const asOfEvery = numberArgument('--asof-every', loadConfig({}).asOfSnapshotEvery);
/** The rate is set by the final scale, so the first scale is the first months of the same history. */
const HISTORY = { offices: 250, years: 5, seed: 42, events: scale };

async function main(): Promise<void> {
  const load = round(loadavg()[0]!, 1);
  const server = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'bench-pg-')), persistent: false });
  const serverUrl = process.env.DATABASE_URL ?? server!.url;
  const database = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDatabase(serverUrl, database);
  const sql = new pg.Pool({ connectionString: url, max: 2 });
  sql.on('error', () => undefined);
  const query = async <R extends pg.QueryResultRow>(text: string) => (await sql.query<R>(text)).rows;
  const copies: string[] = [];
  try {
    const machine = await machineInfo(query, load);
    console.log(
      `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}, ${machine.postgres}; load ${load}`,
    );
    const history = nationalHistory(HISTORY)[Symbol.iterator]();
    const queryFigures: BenchReport['query'] = {};
    const seeded = { events: 0, ms: 0, lastAt: 0 };
    // Every scale is queried over the same number of months, all of them inside its history.
    const months = periodMonths((scales[0]! / scale) * HISTORY.years * 12);
    let app: Awaited<ReturnType<typeof startBenchApp>> | undefined;
    let office: string | undefined;
    const targets: { url: string; stage: number; period: Period }[] = [];
    for (const stage of scales) {
      const result = await seedUpTo(url, history, stage - seeded.events, seeded.events, stage);
      seeded.events += result.appended;
      seeded.ms += result.elapsedMs;
      seeded.lastAt = Math.max(seeded.lastAt, result.lastAt);
      app = await startBenchApp(url);
      const caughtUpIn = await app.caughtUp();
      // The same office at every scale, so the ratio compares one office's views over a longer history.
      office ??= await largestOfficeInLog(query);
      const period = lastMonths(seeded.lastAt, months);
      console.log(`\n${scaleKey(stage)}: views caught up in ${caughtUpIn.toFixed(1)} s; office ${office}, ${period.from} to ${period.to}`);
      if (stage === scale) targets.push({ url, stage, period });
      else {
        // Kept as it is (views caught up) in a copy, queried side by side with the final scale below.
        await app.close();
        const copy = `${database}_${scaleKey(stage).toLowerCase()}`;
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
        );
        await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${database}`);
        copies.push(copy);
        targets.push({ url: withDatabase(serverUrl, copy), stage, period });
      }
    }
    if (only === 'commands') {
      const offices = await largestOffices(query, OPEN_LOOP_OFFICES);
      const commands = await measureCommands(app!, offices, targets.at(-1)!.period, quick);
      console.log(`\n${table(commandComparisons(commands))}\n`);
      await app!.close();
      const date = new Date().toISOString();
      const file = resultFile(`${date.slice(0, 10)}-commands${quick ? '-quick' : ''}`);
      writeFileSync(file, `${JSON.stringify({ date, quick, scale: seeded.events, machine, http: commands }, null, 2)}\n`);
      console.log(`written ${file}`);
      return;
    }
    const earlier = await Promise.all(targets.slice(0, -1).map((t) => startBenchApp(t.url)));
    const apps = [...earlier, app!];
    const views = await measureViews(
      await Promise.all(
        targets.map(async (t, i) => ({
          apiBase: apps[i]!.apiBase,
          token: await apps[i]!.token('auditor', office!),
          office: office!,
          period: t.period,
        })),
      ),
      // 500: with 100, the p99 is the second-slowest request and swings 2–3× from run to run.
      quick ? 30 : 500,
    );
    await Promise.all(earlier.map((a) => a.close()));
    targets.forEach(({ stage }, i) => {
      for (const [view, q] of Object.entries(views[i]!)) {
        queryFigures[view] = { ...queryFigures[view], [`p50Ms${scaleKey(stage)}`]: q.p50Ms, [`p99Ms${scaleKey(stage)}`]: q.p99Ms };
      }
    });
    for (const q of Object.values(queryFigures))
      q.ratio = round(q[`p99Ms${scaleKey(scales[1]!)}`]! / q[`p99Ms${scaleKey(scales[0]!)}`]!, 2);
    for (const { url: at, stage, period } of targets) {
      const bytes = await officesEngagementBytes(at, period);
      queryFigures.offices![`engagementBytes${scaleKey(stage)}`] = bytes.comparedMonths;
      queryFigures.offices![`monthRowBytes${scaleKey(stage)}`] = bytes.monthRows;
    }
    if (only === 'views') {
      console.table(queryFigures);
      await app!.close();
      return;
    }
    // Commands first, on the caught-up app: after the replays and two full rebuilds below, PostgreSQL
    // vacuums, analyses and checkpoints the rewritten tables for minutes, which no office's day has.
    const http = await measureCommands(app!, await largestOffices(query, OPEN_LOOP_OFFICES), targets.at(-1)!.period, quick);
    const logEvents = Number((await query<{ n: string }>('SELECT count(*) AS n FROM es_events'))[0]!.n);
    // The replays are timed on a settled app: the commands' events folded into the live views, and
    // PostgreSQL done vacuuming what seeding and the commands wrote (the open loop's 200/s leaves both behind).
    const settled = { viewsSeconds: round(await app!.caughtUp(), 1), autovacuumSeconds: await waitForAutovacuum(query) };
    console.log(`settled before the replays: views ${settled.viewsSeconds} s, autovacuum ${settled.autovacuumSeconds} s`);
    office = await largestOfficeInLog(query);
    const projections = APP_PROJECTIONS;
    console.log(`replaying office ${office}…`);
    const replay = await measureReplay(app!.store, projections, office);
    console.log(`as-of replays of office ${office} from snapshots, then the national offices view…`);
    const asOf = await measureAsOfFromSnapshots(app!.store, app!.dataSource, AS_OF_ROUTES, office, {
      every: asOfEvery,
      moments: quick ? 20 : 100,
    });
    const nationalMomentCount = quick ? 3 : 5;
    const nationalAsOf = await measureNationalOfficesAsOf(app!.store, app!.dataSource, OFFICES_VIEW, {
      every: asOfEvery,
      moments: nationalMomentCount,
      threads: app!.replayThreads,
    });
    nationalAsOf.overHttp = await measureNationalOfficesAsOfOverHttp(
      app!.apiBase,
      await app!.token('auditor', []),
      await app!.store.headPosition(),
      nationalMomentCount,
    );
    console.log('rebuilding every view…');
    const rebuild = await measureRebuild(app!.dataSource, app!.store, projections);
    console.log('rebuilding every view again, in a fresh process…');
    const rebuildFresh = await measureRebuildInFreshProcess(url);
    console.log('folding every view in memory in a fresh process, nothing written: the best case of a rebuild…');
    const rebuildFoldOnly = await measureFoldOnlyInFreshProcess(url);
    console.log('view upgrade: the engagement view at its next version, read 10/s throughout…');
    const upgraded = await measureUpgrade(url, app!, { office, period: twelveMonthsToNow() });
    await upgraded.app.close();
    console.log('appends: ours, Emmett, bare INSERTs…');
    const append = await measureAppends(url, quick ? 1_500 : 10_000, quick ? 60 : 400, quick ? 1 : 2);
    const report: BenchReport = {
      date: new Date().toISOString(),
      quick,
      scale: logEvents,
      scales,
      machine,
      seed: { events: seeded.events, seconds: round(seeded.ms / 1000, 1), eventsPerSecond: Math.round(seeded.events / (seeded.ms / 1000)) },
      append,
      rebuild: { ...rebuild, seconds: round(rebuild.seconds, 1), ceilingSeconds: round(rebuild.ceilingSeconds, 1) },
      rebuildFresh: { ...rebuildFresh, seconds: round(rebuildFresh.seconds, 1), ceilingSeconds: round(rebuildFresh.ceilingSeconds, 1) },
      rebuildFoldOnly,
      http,
      query: queryFigures,
      replay,
      asOf,
      nationalAsOf,
      settledBeforeReplays: settled,
      upgrade: upgraded.figures,
    };
    console.log(`\n${table(comparisons(report))}\n`);
    mkdirSync('bench/results', { recursive: true });
    const file = resultFile(`${report.date.slice(0, 10)}${quick ? '-quick' : ''}`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`written ${file}`);
  } finally {
    await sql.end();
    for (const db of [database, ...copies]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server?.stop();
  }
}

/** Four offices' advisor: a transfer needs a second office, and commands then spread over several offices' streams. */
const OPEN_LOOP_OFFICES = 4;

/** The open-loop rates (latency at a real load), then the saturation figure against /health. */
async function measureCommands(app: Awaited<ReturnType<typeof startBenchApp>>, offices: string[], period: Period, quick: boolean) {
  const rates = `${OPEN_LOOP_RATES.join(' and ')}/s (${openLoopSeconds} s each)`;
  console.log(`commands of every kind, open loop at ${rates}, ${openLoopViews} views/s meanwhile…`);
  const openLoop = await measureOpenLoop(app, offices, period, openLoopSeconds, openLoopViews);
  console.log('HTTP: GET /health, then POST employer-contacts, 64 connections…');
  const saturation = await measureHttp(app.origin, await app.token('advisor', offices[0]!), offices[0]!, quick ? 3 : 10);
  return { ...saturation, openLoop };
}

/** At most 12 whole months, and no more than the first scale's history covers. */
const periodMonths = (historyMonths: number) => Math.max(1, Math.min(12, Math.floor(historyMonths) - 1));

/** The last `count` whole UTC months before the month of `atMs`: "the last year" as of the data's now. */
function lastMonths(atMs: number, count: number): { from: string; to: string } {
  const at = new Date(atMs);
  const month = (back: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
  return { from: month(count), to: month(1) };
}

/** Appends the next part of the history until `count` more events are in (the app is not running meanwhile). */
async function seedUpTo(url: string, history: Iterator<HistoryAppend>, count: number, before: number, total: number) {
  const store = await createPostgresEventStore({ connectionString: url, poolSize: 34 });
  try {
    const appends = function* () {
      for (let events = 0; events < count;) {
        const next = history.next();
        if (next.done) return;
        events += eventsOf(next.value).length;
        yield next.value;
      }
    };
    let lastAt = 0;
    const timed = function* () {
      for (const append of appends()) {
        for (const e of eventsOf(append)) lastAt = Math.max(lastAt, Date.parse((e.data as { occurredAt: string }).occurredAt));
        yield append;
      }
    };
    const result = await appendHistory(store, timed(), {
      onProgress: (p) => process.stdout.write(progressBar('seeding', before + p.appended, total, p.elapsedMs)),
    });
    return { ...result, lastAt };
  } finally {
    await store.close();
  }
}

runScript(main);
