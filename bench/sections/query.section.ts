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

/** p50/p99 of each view over HTTP, one request at a time (latency, not throughput). */
export async function measureViews(apiBase: string, token: string, office: string, period: Period, requests: number): Promise<Record<string, { p50Ms: number; p99Ms: number }>> {
  const results: Record<string, { p50Ms: number; p99Ms: number }> = {};
  for (const [view, path] of Object.entries(viewPaths(office, period))) {
    const timings: number[] = [];
    for (let i = 0; i < requests + 5; i++) {
      const t0 = performance.now();
      const response = await fetch(`${apiBase}/${path}`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${view}: HTTP ${response.status}`);
      if (i >= 5) timings.push(performance.now() - t0); // the first few warm caches and JIT
    }
    results[view] = { p50Ms: round(percentile(timings, 50)), p99Ms: round(percentile(timings, 99)) };
  }
  return results;
}
