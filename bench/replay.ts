/**
 * Issues 5 and 16 on their own: the time to replay the largest office of the synthetic national
 * data set as as-of replay does it, from nothing (prefix read of the office, every projection
 * folded in memory) and from snapshots (each view's latest snapshot at or before a random moment,
 * then the office's events after it), and an auditor's national offices replay.
 *
 *   npm run seed                 # once: the national data set in DATABASE_URL or DATA_DIR
 *   npm run bench:replay         # prints the figures (--every 2000 --moments 100 --runs 3 --national 1);
 *                                # writes bench/results/replay-<date>-<head>.json
 */
import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { createPostgresEventStore } from '@app/event-store';
import { provideDatabase } from '../src/bootstrap/provide-database.js';
import { followUpGapsView, outcomesView } from '../src/cases/cases.views.js';
import { configFromEnvironmentOrExit } from '../src/config/index.js';
import { employerRelationshipsView } from '../src/employers/employer-relationships/employer-relationships.view.js';
import { engagementView, inquiriesView } from '../src/employers/employers.views.js';
import { MIGRATIONS } from '../src/migrations/index.js';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { numberArgument } from './report/arguments.js';
import { largestOfficeInLog, measureAsOfFromSnapshots, measureNationalOfficesAsOf, measureReplay } from './sections/replay.section.js';
import { runScript } from './report/run-script.js';

/** What each as-of route replays: one view of the office, or the offices view's four. */
const OFFICES_VIEW = [engagementView.projection, outcomesView.projection, followUpGapsView.projection, inquiriesView.projection];
const AS_OF_ROUTES = {
  engagement: [engagementView.projection],
  outcomes: [outcomesView.projection],
  followUpGaps: [followUpGapsView.projection],
  employers: [employerRelationshipsView.projection],
  inquiries: [inquiriesView.projection],
  offices: OFFICES_VIEW,
};

async function main(): Promise<void> {
  const every = numberArgument('--every', 2000);
  const moments = numberArgument('--moments', 100);
  const runs = numberArgument('--runs', 3);
  /** `--national 0` leaves out the national replay (the whole log: minutes on a busy machine). */
  const national = numberArgument('--national', 1) !== 0;
  const database = await provideDatabase(configFromEnvironmentOrExit(), (line) => console.log(line));
  const store = await createPostgresEventStore({ connectionString: database.url, poolSize: 2 });
  const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: MIGRATIONS });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const office = await largestOfficeInLog((text) => dataSource.query(text));
    const projections = APP_PROJECTIONS;
    let replay = await measureReplay(store, projections, office);
    for (let run = 1; run <= runs; run++) {
      replay = await measureReplay(store, projections, office);
      console.log(
        `run ${run}: replayed office ${replay.officeNumber} (${replay.events.toLocaleString('en')} events) ` +
          `through ${projections.length} views in ${replay.largestOfficeMs} ms (read ${replay.readMs} ms)`,
      );
    }
    // A first replay takes the snapshots: start from none, so it is measured too.
    await dataSource.query('DELETE FROM view_replay_snapshots WHERE office = $1', [office]);
    const asOf = await measureAsOfFromSnapshots(store, dataSource, AS_OF_ROUTES, office, { every, moments });
    console.log(JSON.stringify(asOf, null, 2));
    const nationalOfficesMs = national ? await measureNationalOfficesAsOf(store, OFFICES_VIEW) : null;
    console.log(`national offices view as of the last event: ${nationalOfficesMs ?? 'not measured'} ms`);
    const head = await store.headPosition();
    const file = `bench/results/replay-${new Date().toISOString().slice(0, 10)}-${head}.json`;
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), head, replay, asOf, nationalOfficesMs }, null, 2)}\n`);
    console.log(`wrote ${file}`);
  } finally {
    await dataSource.destroy();
    await store.close();
    await database.stop();
  }
}

runScript(main);
