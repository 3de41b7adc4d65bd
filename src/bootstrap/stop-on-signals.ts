import type { INestApplication } from '@nestjs/common';
import type { Telemetry } from '../telemetry/start-telemetry.js';
import type { ProvidedDatabase } from './provide-database.js';
import { startUpLog } from './start-up-log.js';

/** What has been started so far; filled in by `main.ts` as start-up goes on. */
export interface StartedParts {
  database?: ProvidedDatabase;
  app?: INestApplication;
  telemetry?: Telemetry;
}

/**
 * Closes the app first (HTTP server, then the modules' shutdown hooks: projections, event store,
 * TypeORM DataSource), so no connection is left when the embedded server stops after it.
 * Resolves to false when some part failed to stop.
 */
export async function closeAll({ app, database, telemetry }: StartedParts): Promise<boolean> {
  let clean = true;
  try {
    await app?.close();
  } catch (error) {
    clean = false;
    startUpLog(`closing the app failed: ${String(error)}`, 'fatal');
  }
  try {
    await database?.stop();
  } catch (error) {
    clean = false;
    startUpLog(`stopping the embedded PostgreSQL failed: ${String(error)}`, 'fatal');
  }
  // The last spans go out; a collector that does not answer must not keep the process from stopping.
  await telemetry?.shutdown().catch((error: unknown) => startUpLog(`sending the last traces failed: ${String(error)}`, 'warn'));
  return clean;
}

/**
 * Ctrl-C, `kill` and a closed terminal: stop whatever has started, once, then exit. Installed
 * before anything starts, so a Ctrl-C during start-up does not leave the embedded server behind.
 */
export function stopOnSignals(parts: StartedParts): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    startUpLog(`${signal} received: stopping`);
    const clean = await closeAll(parts);
    startUpLog(clean ? 'stopped' : 'stopped, not cleanly', clean ? 'info' : 'warn');
    process.exit(clean ? 0 : 1);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (received) => void stop(received));
}
