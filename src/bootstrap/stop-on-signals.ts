import type { INestApplication } from '@nestjs/common';
import type { ProvidedDatabase } from './provide-database.js';
import { startUpLog } from './start-up-log.js';

/**
 * Closes the app first (HTTP server, then the modules' shutdown hooks: event store, TypeORM
 * DataSource), so no connection is left when the embedded server stops after it.
 * Resolves to false when some part failed to stop.
 */
export async function closeAll(app: INestApplication | undefined, database: ProvidedDatabase): Promise<boolean> {
  let clean = true;
  try {
    await app?.close();
  } catch (error) {
    clean = false;
    startUpLog(`closing the app failed: ${String(error)}`, 'fatal');
  }
  try {
    await database.stop();
  } catch (error) {
    clean = false;
    startUpLog(`stopping the embedded PostgreSQL failed: ${String(error)}`, 'fatal');
  }
  return clean;
}

/** Ctrl-C and `kill`: stop everything once, then exit. */
export function stopOnSignals(app: INestApplication, database: ProvidedDatabase): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    startUpLog(`${signal} received: stopping`);
    const clean = await closeAll(app, database);
    startUpLog('stopped');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}
