import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { AuthOptions } from '../../src/auth/auth.module.js';
import { createDevKeys, type DevKeys } from '../../src/auth/dev-keys.js';
import type { Caller } from '../../src/auth/caller.js';
import { createApp } from '../../src/bootstrap/create-app.js';
import { loadConfig, type RuntimeConfig } from '../../src/config/index.js';
import { createTestDatabase } from '@app/testing';
import { watchContract } from '../open-api-contract.js';

export interface ServedApp {
  /** `http://127.0.0.1:<port>`: the web app at `/`, the API under `/api/v1`. */
  url: string;
  /** Dev mode only: a token for this caller, for seeding and for asking the API what the page should show. */
  tokenFor(caller: Caller): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole app (createApp, as `npm start` runs it, serving the built web app) on a fresh
 * database of the run's embedded PostgreSQL, listening on a free port for the browser.
 * `env` is read as the process environment would be (e.g. AUTH_MODE=production and the OIDC_* variables).
 */
export async function serveApp(env: Record<string, string> = {}): Promise<ServedApp> {
  const db = await createTestDatabase('browser');
  const loaded = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const config: RuntimeConfig = { ...loaded, databaseUrl: db.url, clientRefSecret: 'browser-test-secret-of-at-least-32-characters' };
  const devKeys: DevKeys | undefined = loaded.auth.mode === 'dev' ? await createDevKeys() : undefined;
  const auth: AuthOptions = devKeys ? { mode: 'dev', devKeys } : (loaded.auth as AuthOptions);
  let app: INestApplication;
  try {
    app = await createApp({ config, auth });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await db.drop();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  // What the pages are answered is held to the OpenAPI document too.
  const contract = watchContract(app.getHttpServer());
  return {
    url: `http://127.0.0.1:${port}`,
    tokenFor: async (caller) => {
      if (!devKeys) throw new Error('tokenFor needs dev auth');
      return devKeys.sign(caller);
    },
    close: async () => {
      await app.close();
      await db.drop();
      const violations = contract.take();
      if (violations.length > 0) throw new Error(`answers not described by docs/openapi.json:\n${violations.slice(0, 20).join('\n')}`);
    },
  };
}
