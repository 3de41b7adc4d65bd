/**
 * Query latency of every view at two history lengths, on the same database: the views are
 * pre-aggregated, so p99 should not grow with the length of the history.
 *
 *   npm run bench:views                  # 100k and 1M events
 *   npm run bench:views -- --quick       # 10k and 50k events, well under a minute
 *
 * Uses DATABASE_URL when set, otherwise a throwaway embedded PostgreSQL. Prints a table and
 * writes bench/results/views-<date>.json.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from '../libs/database/src/index.js';
import type { EventStore } from '../libs/event-store/src/index.js';
import { ProjectionEngine } from '../libs/projections/src/projection-engine.js';
import { createDevKeys } from '../src/auth/dev-keys.js';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig } from '../src/config/index.js';
import { EVENT_STORE } from '../src/infrastructure/event-store.module.js';
import { writeHistory } from './synthetic-history.js';

const quick = process.argv.includes('--quick');
const scales = quick ? [10_000, 50_000] : [100_000, 1_000_000];
const REQUESTS = quick ? 50 : 200;

async function main() {
  const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'bench-pg-')), persistent: false });
  const serverUrl = process.env.DATABASE_URL ?? server!.url;
  const database = `bench_views_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const devKeys = await createDevKeys();
  const config = { ...loadConfig({ LOG_LEVEL: 'error' }), databaseUrl: withDatabase(serverUrl, database), clientRefSecret: 'bench-secret-of-at-least-32-characters' };
  const app = await createApp({ config, auth: { mode: 'dev', devKeys } });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api/v1`;
  const store = app.get<EventStore>(EVENT_STORE);
  const engine = app.get(ProjectionEngine);
  const auditor = await devKeys.sign({ navIdent: 'A123456', roles: ['auditor'], offices: [] });

  const views: Record<string, string> = {
    engagement: 'offices/1000/engagement?from=2025-11&to=2026-10',
    outcomes: 'offices/1000/outcomes?from=2025-11&to=2026-10',
    followUpGaps: 'offices/1000/follow-up-gaps?days=30',
    employers: 'offices/1000/employers?sort=contacts&limit=50',
    offices: 'offices?from=2025-11&to=2026-10',
    providers: 'providers?from=2025-11&to=2026-10',
  };
  const results: Record<string, Record<string, number>> = {};
  let written = 0;
  for (const scale of scales) {
    const started = Date.now();
    await writeHistory(store, { events: scale - written, offices: 250, years: 5, seed: 42 + scale }, (n) => process.stdout.write(`\r  writing ${written + n} events`));
    written = await store.headPosition();
    process.stdout.write(`\r  wrote ${written} events in ${((Date.now() - started) / 1000).toFixed(0)} s; catching up the views…\n`);
    await caughtUp(engine, written);
    for (const [view, path] of Object.entries(views)) {
      const timings: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        const response = await fetch(`${base}/${path}`, { headers: { authorization: `Bearer ${auditor}` } });
        await response.json();
        if (response.status !== 200) throw new Error(`${view}: ${response.status}`);
        timings.push(performance.now() - t0);
      }
      timings.sort((a, b) => a - b);
      const label = scale >= 1_000_000 ? `${scale / 1_000_000}m` : `${scale / 1000}k`;
      results[view] = { ...results[view], [`p50Ms${label}`]: round(timings[Math.floor(timings.length * 0.5)]!), [`p99Ms${label}`]: round(timings[Math.floor(timings.length * 0.99)]!) };
    }
  }
  console.table(results);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/views-${new Date().toISOString().slice(0, 10)}.json`;
  writeFileSync(file, JSON.stringify({ scale: written, scales, requestsPerView: REQUESTS, query: results }, null, 2));
  console.log(`written ${file}`);
  await app.close();
  await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
  await admin.end();
  await server?.stop();
}

async function caughtUp(engine: ProjectionEngine, position: number) {
  for (;;) {
    const statuses = await engine.status();
    if (statuses.every((s) => s.position >= position)) return;
    const failed = statuses.find((s) => s.status === 'failed');
    if (failed) throw new Error(`${failed.name} failed: ${failed.error?.message}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
