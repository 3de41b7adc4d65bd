import autocannon from 'autocannon';
import { orgNumber, pick, random } from '../national/random.js';
import { round } from '../report/percentiles.js';

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
 * framework's own ceiling. Each request a valid command on one of 5,000 employers of the office.
 */
export async function measureHttp(origin: string, token: string, officeNumber: string, seconds: number): Promise<HttpFigures> {
  const rnd = random(7);
  const employers = Array.from({ length: 5000 }, () => orgNumber(rnd));
  const channels = ['PHONE', 'EMAIL', 'MEETING', 'VISIT'];
  const themes = ['RECRUITMENT', 'INCLUSION', 'GENERAL_OUTREACH'];
  const health = await autocannon({ url: `${origin}/health`, connections: CONNECTIONS, duration: seconds });
  const commands = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/offices/${officeNumber}/employer-contacts`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        // occurredAt a little in the past: late registration is normal, the future is refused.
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            orgNumber: pick(rnd, employers), channel: pick(rnd, channels), theme: pick(rnd, themes),
            naceCode: '47.110', occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
          }),
        }),
      },
    ],
  });
  return {
    commandsPerSecond: Math.round(commands.requests.total / commands.duration),
    healthPerSecond: Math.round(health.requests.total / health.duration),
    p50Ms: round(commands.latency.p50),
    p99Ms: round(commands.latency.p99),
    healthP99Ms: round(health.latency.p99),
    failed: commands.non2xx + commands.errors,
  };
}
