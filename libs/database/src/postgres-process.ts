import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresBinaries } from './postgres-binaries.js';
import type { ServerUser } from './server-user.js';

export interface ClusterOptions {
  binaries: PostgresBinaries;
  pgdata: string;
  user?: ServerUser;
}

const START_TIMEOUT_MS = 120_000;
/** English server messages, whatever the machine's locale: start-up waits for one of them. */
const ENV = { ...process.env, LC_MESSAGES: 'C' };

/** `initdb` of a new cluster with password authentication for `superuser`. */
export async function initCluster(options: ClusterOptions, superuser: string, password: string): Promise<void> {
  const passwordFile = join(options.pgdata, '..', `.pg-password-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  try {
    const args = [`--pgdata=${options.pgdata}`, '--auth=password', `--username=${superuser}`, `--pwfile=${passwordFile}`];
    const child = spawn(options.binaries.initdb, [...args, '--encoding=UTF8', '--lc-messages=C'], spawnOptions(options, false));
    const output = collect(child);
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
    if (code !== 0) throw new Error(`initdb of ${options.pgdata} failed (exit ${code}): ${output().trim()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts `postgres` and resolves once it accepts connections; rejects with what it said when it exits first. */
export async function startCluster(options: ClusterOptions, flags: string[], detached: boolean): Promise<ChildProcess> {
  const child = spawn(options.binaries.postgres, ['-D', options.pgdata, '-c', 'lc_messages=C', ...flags], spawnOptions(options, detached));
  const output = collect(child);
  await new Promise<void>((resolve, reject) => {
    const late = () => fail(new Error(`PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s`));
    const timer = setTimeout(late, START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGQUIT');
      reject(error);
    };
    child.on('error', (error) => fail(new Error(`PostgreSQL could not be run (${options.binaries.postgres}): ${error.message}`)));
    child.on('close', (code, signal) => {
      const how = signal ?? `code ${code}`;
      fail(new Error(`PostgreSQL on ${options.pgdata} exited (${how}) before accepting connections: ${output().trim()}`));
    });
    child.stderr!.on('data', () => {
      if (!output().includes('database system is ready to accept connections')) return;
      clearTimeout(timer);
      child.removeAllListeners('close');
      resolve();
    });
  });
  return child;
}

/** Fast shutdown (SIGINT): ends sessions, writes a checkpoint, exits. SIGQUIT: immediate, recovery at the next start. */
export function stopCluster(child: ChildProcess, signal: 'SIGINT' | 'SIGQUIT' = 'SIGINT'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

const spawnOptions = ({ user }: ClusterOptions, detached: boolean): SpawnOptions => ({
  env: ENV,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached,
  ...(user ? { uid: user.uid, gid: user.gid } : {}),
});

/** What the process writes, kept for an error message (the last 4 kB); the server's own log is not ours to print. */
function collect(child: ChildProcess): () => string {
  let text = '';
  const take = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4096);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  return () => text;
}
