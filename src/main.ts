import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createDevKeys } from './auth/dev-keys.js';
import { resolveClientRefSecret } from './bootstrap/client-ref-secret.js';
import { createApp } from './bootstrap/create-app.js';
import { provideDatabase } from './bootstrap/provide-database.js';
import { startUpLog } from './bootstrap/start-up-log.js';
import { closeAll, stopOnSignals } from './bootstrap/stop-on-signals.js';
import { configFromEnvironmentOrExit } from './config/index.js';

async function main(): Promise<void> {
  const config = configFromEnvironmentOrExit();
  const clientRefSecret = resolveClientRefSecret(config, (line) => startUpLog(line, 'warn'));
  const database = await provideDatabase(config, startUpLog);
  let app: INestApplication | undefined;
  try {
    const auth = config.auth.mode === 'dev' ? { mode: 'dev' as const, devKeys: await createDevKeys() } : config.auth;
    app = await createApp({ config: { ...config, databaseUrl: database.url, clientRefSecret }, auth });
    stopOnSignals(app, database);
    await app.listen(config.port);
  } catch (error) {
    // A failed start (port taken, migration refused) must not leave the embedded server running.
    await closeAll(app, database);
    throw error;
  }
  startUpLog(`listening on http://localhost:${config.port} (API under /api/v1, OpenAPI at /docs, auth mode ${config.auth.mode})`);
}

main().catch((error: unknown) => {
  startUpLog(error instanceof Error ? (error.stack ?? error.message) : String(error), 'fatal');
  process.exit(1);
});
