import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { postgresCpuSeconds, processCpuSeconds } from '../../report/cpu-seconds.js';
import { percentile, round } from '../../report/percentiles.js';
import { random } from '../../national/random.js';
import { CommandMix, type Ack, type Command } from './command-mix.js';

/** What the bench asks the generator for, sent as the child's one IPC message. */
export interface OpenLoopRun {
  apiBase: string;
  tokens: { advisor: string; admin: string; auditor: string };
  /** The offices the advisor works for; commands go to all of them. */
  offices: string[];
  /** View paths under `/api/v1`, asked for in turn while commands run. */
  viewPaths: string[];
  viewsPerSecond: number;
  /** Run in order on one command mix; the first is usually a warm-up (`measured: false`). */
  phases: { ratePerSecond: number; seconds: number; measured: boolean }[];
  seed: number;
  /** The PostgreSQL server's, when it runs on this machine: its CPU time per command. */
  postmasterPid?: number;
}

export interface Latencies {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface OpenLoopPhase extends Latencies {
  ratePerSecond: number;
  seconds: number;
  /** Answers per second over the phase, from its first scheduled send to its last answer. */
  answeredPerSecond: number;
  /** Non-2xx answers and errors, as `kind status` → count. */
  failed: number;
  failures: Record<string, number>;
  /** How late the generator itself sent a request after its scheduled time, at most (already inside the latencies). */
  maxSendLagMs: number;
  byKind: Record<string, Latencies>;
  /** The commands answered 2xx alone, and those refused with 503 (`COMMANDS.BUSY` and the like), apart: the figures above count both. */
  accepted: Latencies;
  refused: Latencies;
  views: Latencies;
  /**
   * CPU milliseconds per command over the phase: the app's process (this generator's parent, which
   * also answers the views meanwhile) and PostgreSQL. Steadier than latency on a shared machine.
   */
  cpuMsPerCommand: { app: number | undefined; postgres: number | undefined };
  /** The phase from its first due request to its last answer, in epoch ms: the span the server watch sums up. */
  span: { from: number; to: number };
  /** The slowest commands: kind, latency, and when each was due (epoch ms), to set beside what the server watch saw then. */
  slowest: { kind: string; ms: number; dueAt: number }[];
}

/**
 * An open-loop load generator: requests are sent at fixed times (`i / rate` seconds after the
 * start), whether or not earlier ones were answered, and each latency is counted from the time the
 * request was *due*, not from when it went out, so a stall of the server or of this process shows
 * up in every request it delayed (no coordinated omission). Runs in a process of its own
 * (open-loop.section.ts forks it), so its work does not share the app's event loop.
 */
async function run(load: OpenLoopRun): Promise<OpenLoopPhase[]> {
  const mix = new CommandMix(random(load.seed), load.offices);
  const results: OpenLoopPhase[] = [];
  for (const phase of load.phases) {
    const commands: Sample[] = [];
    const views: Sample[] = [];
    const cpuBefore = cpuNow(load.postmasterPid);
    const started = performance.now() + 20;
    // The warm-up asks for the views too: a view's first answers after a start (its code not yet
    // compiled, its rows not yet in PostgreSQL's cache) are no more an office's day than the commands' are.
    const viewing = schedule(started, load.viewsPerSecond, phase.seconds, (i) => view(load, i), views);
    const sending = schedule(started, phase.ratePerSecond, phase.seconds, () => command(load, mix.next()), commands);
    const lag = Math.max((await sending).maxLagMs, (await viewing).maxLagMs);
    const cpu = cpuPerCommand(cpuBefore, cpuNow(load.postmasterPid), commands.length);
    const span = { from: performance.timeOrigin + started, to: performance.timeOrigin + performance.now() };
    if (phase.measured)
      results.push({ ...figures(phase, started, commands, views, lag), cpuMsPerCommand: cpu, span, slowest: slowestOf(commands) });
  }
  return results;
}

/** The slowest commands, each with the time it was due (epoch ms). */
const slowestOf = (commands: Sample[]) =>
  [...commands]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, SLOWEST_KEPT)
    .map((s) => ({ kind: s.kind, ms: round(s.ms), dueAt: round(performance.timeOrigin + s.answeredAt - s.ms) }));

const cpuNow = (postmasterPid: number | undefined) => ({
  app: processCpuSeconds(process.ppid),
  postgres: postmasterPid === undefined ? undefined : postgresCpuSeconds(postmasterPid),
});

function cpuPerCommand(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, commands: number) {
  const perCommand = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : round(((b - a) * 1000) / commands, 2);
  return { app: perCommand(before.app, after.app), postgres: perCommand(before.postgres, after.postgres) };
}

interface Sample {
  kind: string;
  ms: number;
  status: number;
  answeredAt: number;
}

/** Sends `rate × seconds` requests at their due times and waits for every answer. */
async function schedule(
  start: number,
  rate: number,
  seconds: number,
  send: (i: number) => Promise<Omit<Sample, 'ms' | 'answeredAt'>>,
  samples: Sample[],
): Promise<{ maxLagMs: number }> {
  const answers: Promise<void>[] = [];
  let maxLagMs = 0;
  const count = Math.round(rate * seconds);
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    answers.push(
      send(i).then((answer) => {
        const answeredAt = performance.now();
        samples.push({ ...answer, ms: answeredAt - due, answeredAt });
      }),
    );
  }
  await Promise.all(answers);
  return { maxLagMs };
}

async function command(load: OpenLoopRun, command: Command): Promise<{ kind: string; status: number }> {
  const headers: Record<string, string> = { authorization: `Bearer ${load.tokens[command.role]}`, 'content-type': 'application/json' };
  // Half the commands as a careful client sends them (the chaos writers do the same): with an Idempotency-Key.
  if (keyed++ % 2 === 0) headers['idempotency-key'] = randomUUID();
  let status = 0;
  let ack: Ack | undefined;
  try {
    const response = await fetch(`${load.apiBase}${command.path}`, { method: 'POST', headers, body: JSON.stringify(command.body) });
    status = response.status;
    const answer = (await response.json()) as Ack & { code?: string };
    if (response.ok) ack = answer;
    else if (failuresShown++ < 5) console.error(`open loop: ${command.kind} ${status} ${answer.code}`);
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    if (failuresShown++ < 5) console.error(`open loop: ${command.kind} failed: ${(error as Error).message} (${cause?.message})`);
  }
  command.settle(ack);
  return { kind: command.kind, status };
}

const SLOWEST_KEPT = 10;
let failuresShown = 0;
let keyed = 0;

async function view(load: OpenLoopRun, i: number): Promise<{ kind: string; status: number }> {
  const path = load.viewPaths[i % load.viewPaths.length]!;
  try {
    const response = await fetch(`${load.apiBase}/${path}`, { headers: { authorization: `Bearer ${load.tokens.auditor}` } });
    await response.arrayBuffer();
    return { kind: 'view', status: response.status };
  } catch {
    return { kind: 'view', status: 0 };
  }
}

function figures(phase: OpenLoopRun['phases'][number], started: number, commands: Sample[], views: Sample[], maxSendLagMs: number) {
  const failures: Record<string, number> = {};
  for (const s of [...commands, ...views]) {
    if (s.status < 200 || s.status > 299) failures[`${s.kind} ${s.status}`] = (failures[`${s.kind} ${s.status}`] ?? 0) + 1;
  }
  const kinds = [...new Set(commands.map((s) => s.kind))].sort();
  const lastAnswer = Math.max(...commands.map((s) => s.answeredAt));
  return {
    ratePerSecond: phase.ratePerSecond,
    seconds: phase.seconds,
    ...latencies(commands),
    answeredPerSecond: round(commands.length / ((lastAnswer - started) / 1000), 1),
    failed: Object.values(failures).reduce((a, b) => a + b, 0),
    failures,
    maxSendLagMs: round(maxSendLagMs),
    byKind: Object.fromEntries(kinds.map((kind) => [kind, latencies(commands.filter((s) => s.kind === kind))])),
    accepted: latencies(commands.filter((s) => s.status >= 200 && s.status <= 299)),
    refused: latencies(commands.filter((s) => s.status === 503)),
    views: latencies(views),
  };
}

function latencies(samples: Sample[]): Latencies {
  const ms = samples.map((s) => s.ms);
  // No views asked for (`--open-loop-views 0`): nothing to sum up.
  if (ms.length === 0) return { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
  return { count: ms.length, p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)), maxMs: round(Math.max(...ms)) };
}

if (process.send) {
  process.once('message', (load: OpenLoopRun) => {
    run(load).then(
      (result) => process.send!({ result }, undefined, undefined, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.stack ?? error.message }, undefined, undefined, () => process.exit(1)),
    );
  });
}
