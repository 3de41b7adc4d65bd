import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { resolveClientRefSecret } from './bootstrap/client-ref-secret.js';
import { createApp } from './bootstrap/create-app.js';
import { resolveDevKeys } from './bootstrap/dev-signing-key.js';
import { provideDatabase } from './bootstrap/provide-database.js';
import { startUpLog } from './bootstrap/start-up-log.js';
import { closeAll, stopOnSignals, type StartedParts } from './bootstrap/stop-on-signals.js';
import { configFromEnvironmentOrExit } from './config/index.js';

const started: StartedParts = {};

async function main(): Promise<void> {
  const config = configFromEnvironmentOrExit();
  stopOnSignals(started);
  const clientRefSecret = resolveClientRefSecret(config, (line) => startUpLog(line, 'warn'));
  started.database = await provideDatabase(config, startUpLog);
  const warn = (line: string) => startUpLog(line, 'warn');
  const auth = config.auth.mode === 'dev' ? { mode: 'dev' as const, devKeys: await resolveDevKeys(config, warn) } : config.auth;
  started.app = await createApp({ config: { ...config, databaseUrl: started.database.url, clientRefSecret }, auth });
  await started.app.listen(config.port);
  started.app.get(Logger).log(`listening on http://localhost:${config.port} (API under /api/v1, OpenAPI at /docs, auth mode ${config.auth.mode})`, 'Bootstrap');
}

main().catch(async (error: unknown) => {
  // Whatever was thrown (an Error, or nothing at all), the line says what failed.
  const what = error instanceof Error ? (error.stack ?? error.message) : `${String(error)} was thrown, with no reason given`;
  startUpLog(`start-up failed: ${what}`, 'fatal');
  // A failed start (port taken, migration refused) must not leave the embedded server running.
  await closeAll(started);
  process.exit(1);
});
