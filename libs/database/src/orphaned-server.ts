import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The process that owns a DATA_DIR writes its pid here. A server left running by an owner that died
 * (`kill -9` of the app: nothing ran to stop it) still holds the cluster's `postmaster.pid`, and a new
 * server on the same files refuses to start. With the owner gone, that server is an orphan and is stopped.
 */
const OWNER_FILE = 'owner.pid';

/** Claims `dataDir` for this process; refuses when a live process claimed it. */
export function claimDataDir(dataDir: string): void {
  const owner = pidIn(join(dataDir, OWNER_FILE));
  if (owner !== undefined && owner !== process.pid && isAlive(owner, 'node')) {
    throw new Error(`${dataDir} is in use by process ${owner}, which is running: stop it first, or give this one another DATA_DIR`);
  }
  writeFileSync(join(dataDir, OWNER_FILE), `${process.pid}\n`);
}

export function releaseDataDir(dataDir: string): void {
  if (pidIn(join(dataDir, OWNER_FILE)) === process.pid) rmSync(join(dataDir, OWNER_FILE), { force: true });
}

/** Stops a server still running on `pgdata` (its owner is gone); resolves to its pid, or undefined if there was none. */
export async function stopOrphanedServer(pgdata: string, log: (line: string) => void): Promise<number | undefined> {
  const pid = pidIn(join(pgdata, 'postmaster.pid'));
  if (pid === undefined || !isAlive(pid, 'postgres')) return undefined;
  log(`an orphaned PostgreSQL (pid ${pid}) still runs on ${pgdata}, left by an app that did not stop it: stopping it`);
  // Fast shutdown first (sessions end, a checkpoint is written); immediate shutdown if that hangs (WAL recovery on start).
  for (const [signal, waitMs] of [
    ['SIGINT', 60_000],
    ['SIGQUIT', 15_000],
  ] as const) {
    process.kill(pid, signal);
    if (await exited(pid, waitMs)) return pid;
  }
  throw new Error(`the orphaned PostgreSQL (pid ${pid}) on ${pgdata} did not stop; stop it by hand`);
}

function pidIn(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Alive and, where /proc tells, running `program` (a pid reused by something else is not the owner). */
function isAlive(pid: number, program: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync('/proc/self') || (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes(program));
}

async function exited(pid: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid, 'postgres')) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
