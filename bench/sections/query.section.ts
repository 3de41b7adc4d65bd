import { percentile, round } from '../report/percentiles.js';

/** Months `YYYY-MM`, both included. */
export interface Period {
  from: string;
  to: string;
}

/** Each view as a manager or auditor asks for it: the largest office, the last months of the history seeded so far. */
export const viewPaths = (office: string, { from, to }: Period): Record<string, string> => ({
  engagement: `offices/${office}/engagement?from=${from}&to=${to}`,
  outcomes: `offices/${office}/outcomes?from=${from}&to=${to}`,
  followUpGaps: `offices/${office}/follow-up-gaps?days=30`,
  employers: `offices/${office}/employers?sort=contacts&limit=50`,
  offices: `offices?from=${from}&to=${to}`,
  providers: `providers?from=${from}&to=${to}`,
});

/** One database's app to query, as of its own history. */
export interface ViewTarget {
  apiBase: string;
  token: string;
  office: string;
  period: Period;
}

type Latency = { p50Ms: number; p99Ms: number };

/**
 * p50/p99 of each view over HTTP at each target, one request at a time (latency, not
 * throughput). The targets take turns request by request, so load from elsewhere on a shared
 * machine falls on every scale alike and their ratio stays fair.
 */
export async function measureViews(targets: readonly ViewTarget[], requests: number): Promise<Record<string, Latency>[]> {
  const results = targets.map(() => ({}) as Record<string, Latency>);
  for (const view of Object.keys(viewPaths('0000', { from: '', to: '' }))) {
    const timings = targets.map(() => [] as number[]);
    for (let i = 0; i < requests + 5; i++) {
      for (const [t, target] of targets.entries()) {
        const path = viewPaths(target.office, target.period)[view]!;
        const t0 = performance.now();
        const response = await fetch(`${target.apiBase}/${path}`, { headers: { authorization: `Bearer ${target.token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${view}: HTTP ${response.status}`);
        if (i >= 5) timings[t]!.push(performance.now() - t0); // the first few warm caches and JIT
      }
    }
    timings.forEach((ms, t) => (results[t]![view] = { p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)) }));
  }
  return results;
}
