/**
 * Writes the synthetic national history into the app's event store:
 *
 *   npm run seed -- --offices 250 --years 5 --events 1000000 --seed 42
 *
 * The database is the one `npm start` uses: DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR (./.data). The history runs month by month over the last --years before 2026-11-01
 * at the rate --events / --years sets, and stops after --events events. A re-run with the same
 * options resumes where the last one stopped and appends nothing twice; start the app afterwards
 * and the views catch up on the history.
 */
import { createPostgresEventStore } from '@app/event-store';
import { provideDatabase } from '../src/bootstrap/provide-database.js';
import { configFromEnvironmentOrExit } from '../src/config/index.js';
import type { NationalHistoryOptions } from './national/national-history.js';
import { seedHistory } from './national/seed-history.js';
import { numberArgument } from './report/arguments.js';
import { runScript } from './report/run-script.js';

const CONCURRENCY = 32;

async function main(): Promise<void> {
  const events = numberArgument('--events', 1_000_000);
  const options: NationalHistoryOptions = {
    offices: numberArgument('--offices', 250),
    years: numberArgument('--years', 5),
    seed: numberArgument('--seed', 42),
    events,
  };
  const database = await provideDatabase(configFromEnvironmentOrExit(), (line) => console.log(line));
  const store = await createPostgresEventStore({ connectionString: database.url, poolSize: CONCURRENCY + 2 });
  try {
    const result = await seedHistory(store, options, events, CONCURRENCY);
    console.log(
      `\nappended ${result.appended.toLocaleString('en')} events in ${(result.elapsedMs / 1000).toFixed(1)} s; ` +
        `the log's head is at position ${await store.headPosition()}`,
    );
  } finally {
    await store.close();
    await database.stop();
  }
}

runScript(main);
