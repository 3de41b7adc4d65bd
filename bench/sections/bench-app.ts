import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventStore } from '@app/event-store';
import { ProjectionEngine, type ViewDefinition } from '@app/projections';
import { createDevKeys } from '../../src/auth/dev-keys.js';
import { createApp } from '../../src/bootstrap/create-app.js';
import { loadConfig } from '../../src/config/index.js';
import { EVENT_STORE } from '@app/event-store';
import { REPLAY_THREADS, type ReplayThreads } from '../../src/shared/views/snapshots/replay-threads.js';

export type BenchApp = Awaited<ReturnType<typeof startBenchApp>>;

/** The whole app on the bench database, on a loopback port, in dev auth mode; `views`: another release of the app's views. */
export async function startBenchApp(databaseUrl: string, views?: readonly ViewDefinition[]) {
  const devKeys = await createDevKeys();
  const config = { ...loadConfig({ LOG_LEVEL: 'error' }), databaseUrl, clientRefSecret: 'bench-secret-of-at-least-32-characters' };
  const app: INestApplication = await createApp({ config, auth: { mode: 'dev', devKeys }, views });
  await app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const store = app.get<EventStore>(EVENT_STORE);
  const engine = app.get(ProjectionEngine);
  return {
    origin,
    apiBase: `${origin}/api/v1`,
    store,
    engine,
    dataSource: app.get(DataSource),
    /** The app's replay threads (none with another event store than PostgreSQL's). */
    replayThreads: app.get<ReplayThreads | null>(REPLAY_THREADS) ?? undefined,
    /** A token from the dev token route, as a client would get one; an advisor works for `offices`. */
    async token(role: 'auditor' | 'advisor' | 'admin', offices: string | string[]): Promise<string> {
      const response = await fetch(`${origin}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          navIdent: { auditor: 'A123456', advisor: 'Z123456', admin: 'X123456' }[role],
          roles: [role],
          offices: role === 'advisor' ? [offices].flat() : [],
        }),
      });
      if (!response.ok) throw new Error(`dev token: HTTP ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    /** Seconds until every view has processed the log as it is now. */
    async caughtUp(): Promise<number> {
      const started = performance.now();
      const head = await store.headPosition();
      for (;;) {
        const statuses = await engine.status();
        const failed = statuses.find((s) => s.status === 'failed');
        if (failed) throw new Error(`${failed.name} failed: ${failed.error?.message}`);
        if (statuses.every((s) => s.position >= head)) return (performance.now() - started) / 1000;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close: () => app.close(),
  };
}

/** The live views caught up on a seed database once, so that every copy of it starts with them at the head. */
export async function catchUpSeed(seedUrl: string): Promise<void> {
  const seeded = await startBenchApp(seedUrl);
  console.log(`\nlive views caught up in ${(await seeded.caughtUp()).toFixed(1)} s on the seed database`);
  await seeded.close();
}
