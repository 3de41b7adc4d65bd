/** The p-th percentile (0–100) of timings, nearest rank. */
export function percentile(timings: readonly number[], p: number): number {
  if (timings.length === 0) return NaN;
  const sorted = [...timings].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
