/**
 * The view-upgrade figure alone (issue 16, part 1):
 *
 *   npm run build && nice -n 15 node dist/bench/upgrade.js --events 100000 [--data-dir /tmp/upgrade-pg-100000] [--rate 10]
 *
 * Seeds the synthetic national history into an embedded PostgreSQL kept under `--data-dir` (a second
 * run reuses it; the upgrade is made on a copy of the database, so every run starts from the current
 * release), starts the app so the live views catch up, then measures a deploy that raises the
 * engagement view's version (`measureUpgrade`) and prints its figures as JSON.
 */
import 'reflect-metadata';
import { onSeededCopy } from './national/seeded-copy.js';
import { numberArgument, stringArgument } from './report/arguments.js';
import { runScript } from './report/run-script.js';
import { startBenchApp } from './sections/bench-app.js';
import { largestOfficeInLog } from './sections/replay.section.js';
import { measureUpgrade, twelveMonthsToNow } from './sections/upgrade.section.js';

async function main(): Promise<void> {
  const events = numberArgument('--events', 100_000);
  const rate = numberArgument('--rate', 10);
  const dataDir = stringArgument('--data-dir') ?? `/tmp/upgrade-pg-${events}`;
  await onSeededCopy({ events, dataDir, name: 'upgrade' }, async (url) => {
    const app = await startBenchApp(url);
    console.log(`\nlive views caught up in ${(await app.caughtUp()).toFixed(1)} s`);
    const office = await largestOfficeInLog(async (sql) => (await app.dataSource.query(sql)) as never);
    const period = twelveMonthsToNow();
    console.log(`upgrading the engagement view while office ${office}'s is read ${rate}/s…`);
    const { figures, app: upgraded } = await measureUpgrade(url, app, { office, period, ratePerSecond: rate });
    await upgraded.close();
    console.log(JSON.stringify({ events, office, ...figures }, null, 2));
  });
}

runScript(main);
