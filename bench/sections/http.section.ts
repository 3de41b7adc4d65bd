import { fork } from 'node:child_process';
import { round } from '../report/percentiles.js';
import type { LoadResult, LoadRun } from './load-generator.js';

export interface HttpFigures {
  commandsPerSecond: number;
  healthPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  healthP99Ms: number;
  failed: number;
}

const CONNECTIONS = 64;

/**
 * `POST employer-contacts` at 64 connections against `GET /health` on the same server: the
 * framework's own ceiling. autocannon runs in a child process (load-generator.ts).
 */
export async function measureHttp(origin: string, token: string, officeNumber: string, seconds: number): Promise<HttpFigures> {
  const load = { origin, token, officeNumber, connections: CONNECTIONS, seconds };
  const health = await generateLoad({ ...load, target: 'health' });
  const commands = await generateLoad({ ...load, target: 'employer-contacts' });
  return {
    commandsPerSecond: commands.perSecond,
    healthPerSecond: health.perSecond,
    p50Ms: round(commands.p50Ms),
    p99Ms: round(commands.p99Ms),
    healthP99Ms: round(health.p99Ms),
    failed: commands.failed,
  };
}

function generateLoad(load: LoadRun): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-generator.js', import.meta.url), { stdio: 'inherit' });
    child.once('message', (answer: { result?: LoadResult; error?: string }) =>
      answer.result ? resolve(answer.result) : reject(new Error(`load generator: ${answer.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before answering`)));
    child.once('error', reject);
    child.send(load);
  });
}
