/**
 * The open-loop command figures alone (issue 16, part 4), to try a change without seeding each time:
 *
 *   npm run build && node dist/bench/open-loop.js --events 1000000 [--data-dir /tmp/open-loop-pg-1000000]
 *     [--open-loop-seconds 40] [--open-loop-views 5] [--open-loop-rates 50,200]
 *
 * Seeds the synthetic national history into an embedded PostgreSQL kept under `--data-dir` and lets
 * the live views catch up there once (a second run reuses both), then measures the open loop
 * (`measureOpenLoop`) on a copy of that database, so every run starts from the same state. Prints
 * the figures with what held the server up (`server-watch.ts`) and writes
 * `bench/results/<date>-open-loop.json`. `--open-loop-rates 50` leaves out 200/s, which a slow
 * machine does not carry: its queue would decide what the run measures.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { onSeededCopy } from './national/seeded-copy.js';
import { numberArgument, stringArgument } from './report/arguments.js';
import { commandComparisons, table } from './report/bench-report.js';
import { resultFile } from './report/result-file.js';
import { runScript } from './report/run-script.js';
import { catchUpSeed, startBenchApp } from './sections/bench-app.js';
import { largestOffices, measureOpenLoop, OPEN_LOOP_RATES, OPEN_LOOP_VIEWS_PER_SECOND } from './sections/open-loop.section.js';
import { twelveMonthsToNow } from './sections/upgrade.section.js';

async function main(): Promise<void> {
  const events = numberArgument('--events', 1_000_000);
  const seconds = numberArgument('--open-loop-seconds', 40);
  const viewsPerSecond = numberArgument('--open-loop-views', OPEN_LOOP_VIEWS_PER_SECOND);
  const dataDir = stringArgument('--data-dir') ?? `/tmp/open-loop-pg-${events}`;
  const rates = (stringArgument('--open-loop-rates') ?? OPEN_LOOP_RATES.join(',')).split(',').map(Number);
  if (rates.some((rate) => !(rate > 0))) throw new Error('--open-loop-rates: commands a second, e.g. 50,200');
  await onSeededCopy({ events, dataDir, name: 'open_loop', prepare: catchUpSeed }, async (url) => {
    const app = await startBenchApp(url);
    console.log(`live views caught up in ${(await app.caughtUp()).toFixed(1)} s on the copy`);
    const offices = await largestOffices(async (sql) => (await app.dataSource.query(sql)) as never, 4);
    console.log(`open loop: ${seconds} s per rate, ${viewsPerSecond} view requests/s meanwhile…`);
    const openLoop = await measureOpenLoop(app, offices, twelveMonthsToNow(), seconds, viewsPerSecond, rates);
    await app.close();
    const rows = commandComparisons({ openLoop, commandsPerSecond: 0, healthPerSecond: 0, p50Ms: 0, p99Ms: 0, healthP99Ms: 0, failed: 0 });
    console.log(`\n${table(rows.slice(0, openLoop.length * 3))}\n`);
    for (const phase of openLoop) {
      console.log(`${phase.ratePerSecond}/s:`, JSON.stringify({ server: phase.server, slowest: phase.slowest }, null, 1));
    }
    mkdirSync('bench/results', { recursive: true });
    const date = new Date().toISOString();
    const file = resultFile(`${date.slice(0, 10)}-open-loop`);
    writeFileSync(file, `${JSON.stringify({ date, events, viewsPerSecond, openLoop }, null, 2)}\n`);
    console.log(`written ${file}`);
  });
}

runScript(main);
