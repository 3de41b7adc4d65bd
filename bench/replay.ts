/**
 * Issue 5's figure on its own: the time to replay the largest office of the synthetic national
 * data set, as as-of replay does it (prefix read of the office, every projection folded in memory).
 *
 *   npm run seed                 # once: the national data set in DATABASE_URL or DATA_DIR
 *   npm run bench:replay         # prints the office, its events and the time
 */
import { createPostgresEventStore } from '@app/event-store';
import { provideDatabase } from '../src/bootstrap/provide-database.js';
import { configFromEnvironmentOrExit } from '../src/config/index.js';
import { APP_PROJECTIONS } from '../src/views/app-views.js';
import { largestOfficeInLog, measureReplay } from './sections/replay.section.js';
import { runScript } from './report/run-script.js';

async function main(): Promise<void> {
  const database = await provideDatabase(configFromEnvironmentOrExit(), (line) => console.log(line));
  const store = await createPostgresEventStore({ connectionString: database.url, poolSize: 2 });
  const pg = (await import('pg')).default;
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  try {
    const office = await largestOfficeInLog(async (text) => (await sql.query(text)).rows);
    const projections = APP_PROJECTIONS;
    for (let run = 1; run <= 3; run++) {
      const r = await measureReplay(store, projections, office);
      console.log(
        `run ${run}: replayed office ${r.officeNumber} (${r.events.toLocaleString('en')} events) through ${projections.length} views in ${r.largestOfficeMs} ms (read ${r.readMs} ms)`,
      );
    }
  } finally {
    await sql.end();
    await store.close();
    await database.stop();
  }
}

runScript(main);
