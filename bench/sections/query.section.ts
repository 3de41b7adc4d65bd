import { percentile, round } from '../report/percentiles.js';

/** Each view as a manager or auditor asks for it: the largest office, the last 12 months of the history. */
export const viewPaths = (office: string): Record<string, string> => ({
  engagement: `offices/${office}/engagement?from=2025-11&to=2026-10`,
  outcomes: `offices/${office}/outcomes?from=2025-11&to=2026-10`,
  followUpGaps: `offices/${office}/follow-up-gaps?days=30`,
  employers: `offices/${office}/employers?sort=contacts&limit=50`,
  offices: 'offices?from=2025-11&to=2026-10',
  providers: 'providers?from=2025-11&to=2026-10',
});

/** p50/p99 of each view over HTTP, one request at a time (latency, not throughput). */
export async function measureViews(apiBase: string, token: string, office: string, requests: number): Promise<Record<string, { p50Ms: number; p99Ms: number }>> {
  const results: Record<string, { p50Ms: number; p99Ms: number }> = {};
  for (const [view, path] of Object.entries(viewPaths(office))) {
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
