import type { ActiveCase } from './follow-up-gaps.projection.js';

const DAY_MS = 86_400_000;

/** Active EXTERNAL cases whose last follow-up (or start, if none) is at least `days` before `now`. */
export function followUpGaps(activeCases: Iterable<ActiveCase>, days: number, now: string) {
  const nowMs = Date.parse(now);
  return [...activeCases]
    .filter((c) => c.followUpMode === 'EXTERNAL')
    .map((c) => ({ c, daysWithout: Math.floor((nowMs - Date.parse(c.lastFollowUpAt ?? c.startedAt)) / DAY_MS) }))
    .filter(({ daysWithout }) => daysWithout >= days)
    .sort((a, b) => b.daysWithout - a.daysWithout || a.c.caseId.localeCompare(b.c.caseId))
    .map(({ c, daysWithout }) => ({
      caseId: c.caseId,
      clientRef: c.clientRef,
      measureCode: c.measureCode,
      providerOrgNumber: c.providerOrgNumber,
      lastFollowUpAt: c.lastFollowUpAt,
      daysWithout,
    }));
}
