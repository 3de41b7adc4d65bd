import { Logger } from '@nestjs/common';
import type { Config } from '../config/index.js';
import type { Telemetry } from '../telemetry/start-telemetry.js';
import { resolveClientRefSecret } from './client-ref-secret.js';
import { createApp } from './create-app.js';
import { resolveDevKeys } from './dev-signing-key.js';
import { provideDatabase } from './provide-database.js';
import { startUpLog } from './start-up-log.js';
import { closeAll, stopOnSignals, type StartedParts } from './stop-on-signals.js';

/** The database (given or embedded), then the app listening; a failed start stops what had started. */
export async function runService(config: Config, telemetry: Telemetry | undefined): Promise<void> {
  const started: StartedParts = { telemetry };
  try {
    stopOnSignals(started);
    const clientRefSecret = resolveClientRefSecret(config, (line) => startUpLog(line, 'warn'));
    started.database = await provideDatabase(config, startUpLog);
    const warn = (line: string) => startUpLog(line, 'warn');
    const auth = config.auth.mode === 'dev' ? { mode: 'dev' as const, devKeys: await resolveDevKeys(config, warn) } : config.auth;
    started.app = await createApp({ config: { ...config, databaseUrl: started.database.url, clientRefSecret }, auth });
    await started.app.listen(config.port);
    const traces = config.otlpEndpoint ? `traces to ${config.otlpEndpoint}` : 'no traces';
    new Logger('Bootstrap').log(
      `listening on http://localhost:${config.port} (API under /api/v1, OpenAPI at /docs, auth mode ${config.auth.mode}, ${traces})`,
    );
  } catch (error) {
    // Whatever was thrown (an Error, or nothing at all), the line says what failed.
    const what = error instanceof Error ? (error.stack ?? error.message) : `${String(error)} was thrown, with no reason given`;
    startUpLog(`start-up failed: ${what}`, 'fatal');
    // A failed start (port taken, migration refused) must not leave the embedded server running.
    await closeAll(started);
    process.exit(1);
  }
}
