/**
 * The append figures of issue 6 alone, without seeding a history (a minute or two, not twenty):
 *
 *   npm run bench:append -- [--singles 6000] [--batches 200] [--rounds 2]
 *
 * Same measurement as `npm run bench` (sections/append.section.ts): ours, Emmett's store and bare
 * INSERTs, in turn, on one fresh database of DATABASE_URL's server or a throwaway embedded one.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from '@app/database';
import { numberArgument } from './report/arguments.js';
import { round } from './report/percentiles.js';
import { measureAppends, type AppendFigures, type EventCpu } from './sections/append.section.js';
import { runScript } from './report/run-script.js';

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'bench-pg-')), persistent: false });
  const serverUrl = process.env.DATABASE_URL ?? server!.url;
  const database = `bench_append_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    // All three targets share this database, so they share its durability settings too.
    const settings = await admin.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version') ORDER BY name`,
    );
    console.log(`load ${round(loadavg()[0]!, 1)}; ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`);
    const figures = await measureAppends(
      withDatabase(serverUrl, database),
      numberArgument('--singles', 6_000),
      numberArgument('--batches', 200),
      numberArgument('--rounds', 2),
    );
    console.log(line('single', figures.single));
    console.log(line('batch ', figures.batch));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await server?.stop();
  }
}

const line = (what: string, f: AppendFigures) =>
  `${what}: ours ${f.ours} ev/s (p99 ${f.p99Ms.ours} ms), emmett ${f.emmett} (p99 ${f.p99Ms.emmett}), ` +
  `ceiling ${f.ceiling} (p99 ${f.p99Ms.ceiling}); ` +
  `ours/emmett ${round(f.ours / f.emmett, 2)}, ours/ceiling ${round(f.ours / f.ceiling, 2)}; ` +
  `CPU µs/event (this process + PostgreSQL): ours ${cpu(f.cpuUsPerEvent.ours)}, emmett ${cpu(f.cpuUsPerEvent.emmett)}, ` +
  `ceiling ${cpu(f.cpuUsPerEvent.ceiling)}`;

const cpu = ({ app, postgres }: EventCpu) => `${app} + ${postgres ?? '?'}`;

runScript(main);
