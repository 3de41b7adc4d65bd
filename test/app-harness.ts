import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createDevKeys, type DevKeys } from '../src/auth/dev-keys.js';
import type { Caller } from '../src/auth/caller.js';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig, type RuntimeConfig } from '../src/config/index.js';
import type { ViewDefinition } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { sharedContract, watchContract } from './open-api-contract.js';

export interface RunningApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: TestDatabase;
  config: RuntimeConfig;
  /** A bearer token for this caller, signed by the app's dev keys. */
  tokenFor(caller: Caller): Promise<string>;
  /** The answers so far that the OpenAPI document does not describe (and forgets them). */
  takeContractViolations(): string[];
  /** Closes the app; fails if any answer broke the OpenAPI document (docs/openapi.json) and was not taken. */
  close(): Promise<void>;
}

/**
 * The whole app on a fresh database of its own, in dev auth mode, with the PostgreSQL event store
 * unless `env` says otherwise (`{ EVENT_STORE: 'memory' }`). `env` is read as the process
 * environment would be; the test process's own environment is not.
 *
 * `database`: run on this one instead (another instance of the app, or a later release of it, on
 * the same data); it is left in place at `close`. `views`: the views this instance runs (another
 * release of one of them).
 */
export async function startApp(
  env: Record<string, string> = {},
  options: { logDestination?: NodeJS.WritableStream; database?: TestDatabase; views?: readonly ViewDefinition[] } = {},
): Promise<RunningApp> {
  const contract = sharedContract(); // before anything that would need closing, should the document not load
  const { database, ...appOptions } = options;
  const db = database ?? (await createTestDatabase('e2e'));
  const dropOwnDatabase = () => (database ? Promise.resolve() : db.drop());
  const config: RuntimeConfig = {
    ...loadConfig({ LOG_LEVEL: 'warn', ...env }),
    databaseUrl: db.url,
    clientRefSecret: 'test-secret-of-at-least-thirty-two-characters',
  };
  const devKeys: DevKeys = await createDevKeys();
  let app: INestApplication;
  try {
    app = await createApp({ config, auth: { mode: 'dev', devKeys }, ...appOptions });
    await app.init();
  } catch (error) {
    await dropOwnDatabase();
    throw error;
  }
  // Every answer of every test is held to the OpenAPI document.
  const answers = watchContract(app.getHttpServer(), contract);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    config,
    tokenFor: (caller) => devKeys.sign(caller),
    takeContractViolations: () => answers.take(),
    close: async () => {
      await app.close();
      await dropOwnDatabase();
      const violations = answers.take();
      if (violations.length > 0) {
        throw new Error(`${violations.length} answer(s) not described by docs/openapi.json:\n${violations.slice(0, 20).join('\n')}`);
      }
    },
  };
}
