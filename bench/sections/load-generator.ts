import autocannon from 'autocannon';
import { orgNumber, pick, random } from '../national/random.js';

/** What the bench asks the load generator for, sent as the child's one IPC message. */
export interface LoadRun {
  target: 'health' | 'employer-contacts';
  origin: string;
  token: string;
  officeNumber: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

/**
 * Runs in a process of its own (http.section.ts forks it): autocannon in the app's process would
 * share its event loop, so every request would wait behind the load generator's own work and the
 * figures would measure both. The app's server and this process still share the machine's cores.
 */
async function run(load: LoadRun): Promise<LoadResult> {
  const result = await autocannon(
    load.target === 'health'
      ? { url: `${load.origin}/health`, connections: load.connections, duration: load.seconds }
      : { url: load.origin, connections: load.connections, duration: load.seconds, requests: [employerContacts(load)] },
  );
  return {
    perSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: result.non2xx + result.errors,
  };
}

/** Each request a valid command on one of 5,000 employers of the office. */
function employerContacts(load: LoadRun) {
  const rnd = random(7);
  const employers = Array.from({ length: 5000 }, () => orgNumber(rnd));
  const channels = ['PHONE', 'EMAIL', 'MEETING', 'VISIT'];
  const themes = ['RECRUITMENT', 'INCLUSION', 'GENERAL_OUTREACH'];
  return {
    method: 'POST',
    path: `/api/v1/offices/${load.officeNumber}/employer-contacts`,
    headers: { authorization: `Bearer ${load.token}`, 'content-type': 'application/json' },
    // occurredAt a little in the past: late registration is normal, the future is refused.
    setupRequest: (request: object) => ({
      ...request,
      body: JSON.stringify({
        orgNumber: pick(rnd, employers),
        channel: pick(rnd, channels),
        theme: pick(rnd, themes),
        naceCode: '47.110',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      }),
    }),
  };
}

if (process.send) {
  process.once('message', (load: LoadRun) => {
    run(load).then(
      (result) => process.send!({ result }, undefined, undefined, () => process.exit(0)),
      (error: Error) => process.send!({ error: error.stack ?? error.message }, undefined, undefined, () => process.exit(1)),
    );
  });
}
