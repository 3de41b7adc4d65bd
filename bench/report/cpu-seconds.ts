import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used so far by this process, and by a PostgreSQL server on this machine (its
 * postmaster, the children it reaped, and the backends still running). On a shared machine the
 * wall time of a run swings with everyone else's load; the CPU it took much less.
 */
export function cpuSeconds(postmasterPid?: number): { app: number; postgres: number | undefined } {
  const { user, system } = process.cpuUsage();
  return { app: (user + system) / 1e6, postgres: postmasterPid === undefined ? undefined : serverCpu(postmasterPid) };
}

/** CPU time used so far by another process on this machine (utime + stime), e.g. a load generator's parent, the app. */
export function processCpuSeconds(pid: number): number | undefined {
  const ticks = cpuTicksOf(`/proc/${pid}/stat`);
  return ticks === undefined ? undefined : ticks / TICKS_PER_SECOND;
}

/**
 * utime + stime so far, in ticks of 1/100 s, of a process or a thread, by its `stat` file
 * (`/proc/<pid>/stat`, `/proc/self/task/<tid>/stat`); undefined when it cannot be read.
 */
export function cpuTicksOf(statFile: string): number | undefined {
  const fields = statOf(statFile)?.fields;
  return fields && ownTicks(fields);
}

/**
 * The postmaster of the PostgreSQL server that a backend of ours (`SELECT pg_backend_pid()`) runs
 * in, when that server runs on this machine: the backend's parent, both named `postgres`. A server
 * elsewhere gives undefined, not whatever process here happens to have that pid.
 */
export function localPostmaster(backendPid: number): number | undefined {
  const backend = statWithName(backendPid);
  if (backend?.name !== 'postgres') return undefined;
  const parent = Number(backend.fields[1]);
  return statWithName(parent)?.name === 'postgres' ? parent : undefined;
}

/** CPU time so far of the PostgreSQL server whose postmaster is `postmasterPid` (its backends included). */
export const postgresCpuSeconds = (postmasterPid: number): number | undefined => serverCpu(postmasterPid);

const TICKS_PER_SECOND = 100;

function serverCpu(postmasterPid: number): number | undefined {
  const postmaster = stat(postmasterPid);
  if (!postmaster) return undefined;
  // utime, stime, cutime, cstime: fields 14–17 of /proc/<pid>/stat.
  let ticks = postmaster.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child && Number(child[1]) === postmasterPid) ticks += ownTicks(child);
  }
  return ticks / TICKS_PER_SECOND;
}

/** utime + stime: fields 14 and 15 of a stat file. */
const ownTicks = (fields: string[]): number => Number(fields[11]) + Number(fields[12]);

/** The fields after the command name (which may hold spaces): state, ppid, … */
const stat = (pid: number): string[] | undefined => statWithName(pid)?.fields;

const statWithName = (pid: number) => statOf(`/proc/${pid}/stat`);

function statOf(statFile: string): { name: string; fields: string[] } | undefined {
  try {
    const text = readFileSync(statFile, 'utf8');
    return { name: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), fields: text.slice(text.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return undefined;
  }
}
