import { runInChild } from '../report/child-run.js';
import { round } from '../report/percentiles.js';
import type { OpenLoopPhase } from './open-loop/open-loop-generator.js';
import type { RoundTripFigures } from './open-loop/round-trips.js';
import type { LoadResult, LoadRun } from './load-generator.js';

export interface HttpFigures {
  commandsPerSecond: number;
  healthPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  healthP99Ms: number;
  failed: number;
  /** Commands of every kind at fixed arrival rates (open-loop.section.ts), measured before the saturation figures above. */
  openLoop?: (OpenLoopPhase & { roundTrips?: RoundTripFigures })[];
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

const generateLoad = (load: LoadRun) => runInChild<LoadRun, LoadResult>(new URL('./load-generator.js', import.meta.url), load);
