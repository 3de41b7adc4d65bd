import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ChaosClient } from './chaos-client.js';
import { ManagedApp } from './managed-app.js';
import type { OwnCluster } from './own-cluster.js';

/** One fault's set-up: the app instances it runs, its database, and the fault itself. */
export interface Stage {
  apps: ManagedApp[];
  databaseUrl(): string;
  /** Does the fault (and what a supervisor or operator does right after it); says what it did. */
  inject(): Promise<string>;
  tearDown(): Promise<void>;
}

export interface StageContext {
  cluster: OwnCluster;
  main: string;
  logDir: string;
  client: ChaosClient;
}

export type FaultName = 'app-kill' | 'app-kill-embedded' | 'terminate-backends' | 'postgres-kill' | 'leader-kill';
export const FAULTS: readonly FaultName[] = ['app-kill', 'terminate-backends', 'postgres-kill', 'leader-kill', 'app-kill-embedded'];

export async function setUp(fault: FaultName, ctx: StageContext): Promise<Stage> {
  if (fault === 'app-kill-embedded') return embeddedStage(ctx);
  const database = `chaos_${fault.replaceAll('-', '_')}`;
  await createDatabase(ctx.cluster.url(), database);
  const url = ctx.cluster.url(database);
  const instances = fault === 'leader-kill' ? ['a', 'b'] : ['a'];
  const env = { DATABASE_URL: url, LOG_LEVEL: 'warn' };
  const apps = instances.map((i) => new ManagedApp(`${fault}-${i}`, ctx.main, env, join(ctx.logDir, `${fault}-${i}.log`)));
  for (const app of apps) await app.start();
  const inject = {
    'app-kill': async () => {
      await apps[0]!.kill9AndRestart();
      return 'kill -9 of the app, started again';
    },
    'terminate-backends': () => terminateBackends(ctx.cluster.url(), database),
    'postgres-kill': async () => {
      ctx.cluster.kill9();
      await ctx.cluster.start();
      return 'kill -9 of the postmaster, started again';
    },
    'leader-kill': async () => {
      const leader = await leaderOf(apps, ctx.client);
      // The survivor takes the projections over while the killed one is down; a supervisor brings it back.
      await leader.kill9AndRestart(3000);
      return `kill -9 of ${leader.name}, the projection leader; started again 3 s later`;
    },
  }[fault];
  return { apps, databaseUrl: () => url, inject, tearDown: () => stopAll(apps) };
}

function embeddedStage(ctx: StageContext): Promise<Stage> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ect-chaos-embedded-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const app = new ManagedApp('app-kill-embedded', ctx.main, env, join(ctx.logDir, 'app-kill-embedded.log'));
  const stage: Stage = {
    apps: [app],
    databaseUrl: () => {
      // The embedded server takes a new port at each start; postmaster.pid says which (line 4).
      const port = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
      return `postgres://postgres:postgres@127.0.0.1:${port}/tracker`;
    },
    inject: async () => {
      await app.kill9AndRestart();
      return 'kill -9 of the app (its embedded PostgreSQL left running), started again';
    },
    tearDown: async () => {
      await stopAll([app]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app.start().then(() => stage);
}

async function terminateBackends(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      [database],
    );
    const chosen = rows.filter(() => Math.random() < 0.5);
    await client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [chosen.map((r) => r.pid)]);
    return `pg_terminate_backend of ${chosen.length} of the app's ${rows.length} connections`;
  } finally {
    await client.end();
  }
}

/** The instance that leads most projections (each view has one leader). */
async function leaderOf(apps: ManagedApp[], client: ChaosClient): Promise<ManagedApp> {
  let best = apps[0]!;
  let most = -1;
  for (const app of apps) {
    if (!app.base) continue;
    const { projections } = await client.get<{ projections: { role: string }[] }>(app.base, '/api/v1/admin/projections');
    const led = projections.filter((p) => p.role === 'leader').length;
    if (led > most) [best, most] = [app, led];
  }
  return best;
}

async function createDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

const stopAll = async (apps: ManagedApp[]) => {
  await Promise.all(apps.map((app) => app.stop()));
};
