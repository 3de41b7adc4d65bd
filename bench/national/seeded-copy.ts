import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from '@app/database';
import { createPostgresEventStore } from '@app/event-store';
import { seedHistory } from './seed-history.js';

export interface SeededCopyOptions {
  /** Events of the synthetic national history (250 offices, 5 years, seed 42). */
  events: number;
  /** Where the embedded PostgreSQL keeps its files between runs. */
  dataDir: string;
  /** The seed database is `<name>_seed`; each copy `<name>_<time>`. */
  name: string;
  /** Done on the seed database after seeding, so every copy starts from it (the live views caught up, say). */
  prepare?: (seedUrl: string) => Promise<void>;
}

/**
 * Seeds the history once into an embedded PostgreSQL kept under `dataDir` (a later run resumes or
 * reuses it), then gives `run` a copy of that database made for this run and dropped after it, so
 * every run of a bench script alone starts from the same state without seeding again.
 */
export async function onSeededCopy<T>(options: SeededCopyOptions, run: (url: string) => Promise<T>): Promise<T> {
  const seed = `${options.name}_seed`;
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, persistent: true });
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = '${seed}'`);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${seed}`);
    const seedUrl = withDatabase(server.url, seed);
    const store = await createPostgresEventStore({ connectionString: seedUrl, poolSize: 34 });
    try {
      await seedHistory(store, { offices: 250, years: 5, seed: 42, events: options.events }, options.events, 32);
    } finally {
      await store.close();
    }
    await options.prepare?.(seedUrl);
    const copy = `${options.name}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${seed}`);
    try {
      return await run(withDatabase(server.url, copy));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
    await server.stop();
  }
}
