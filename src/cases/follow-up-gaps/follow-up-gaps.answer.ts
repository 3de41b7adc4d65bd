import type { KeyRange } from '@app/projections';
import {
  officeOfActiveCaseKey,
  openCasesKey,
  OPEN_CASES_PREFIX,
  type ActiveCase,
  type OfficeOpenCases,
} from './follow-up-gaps.projection.js';

const DAY_MS = 86_400_000;

const daysWithout = (c: ActiveCase, nowMs: number) => Math.floor((nowMs - Date.parse(c.lastFollowUpAt ?? c.startedAt)) / DAY_MS);

/** The rule: an active EXTERNAL case whose last follow-up (or start, if none) is at least `days` before now. */
const isGap = (c: ActiveCase, days: number, nowMs: number) => c.followUpMode === 'EXTERNAL' && daysWithout(c, nowMs) >= days;

/** Active EXTERNAL cases whose last follow-up (or start, if none) is at least `days` before `now`. */
export function followUpGaps(activeCases: Iterable<ActiveCase>, days: number, now: string) {
  const nowMs = Date.parse(now);
  return [...activeCases]
    .filter((c) => isGap(c, days, nowMs))
    .map((c) => ({ c, daysWithout: daysWithout(c, nowMs) }))
    .sort((a, b) => b.daysWithout - a.daysWithout || a.c.caseId.localeCompare(b.c.caseId))
    .map(({ c, daysWithout }) => ({
      caseId: c.caseId,
      subjectId: c.subjectId,
      measureCode: c.measureCode,
      providerOrgNumber: c.providerOrgNumber,
      lastFollowUpAt: c.lastFollowUpAt,
      daysWithout,
    }));
}

/**
 * A case is a gap exactly when it went quiet at or before this instant: whole days without
 * follow-up are at least `days` when the milliseconds are at least `days` days' worth.
 */
const cutoffOf = (days: number, now: string) => new Date(Date.parse(now) - days * DAY_MS).toISOString();

/**
 * What `followUpGapCounts` reads: the offices' tallies (those given, or every office's), and the
 * EXTERNAL cases that went quiet on the cutoff's own day, up to the cutoff (sort keys start with
 * the instant, so that is a range of them): a day's cases nationally, whatever the history.
 */
export function followUpGapCountRanges(days: number, now: string, offices?: readonly string[]): { tallies: KeyRange; cutoffDay: KeyRange } {
  const cutoff = cutoffOf(days, now);
  return {
    tallies: offices ? { keys: offices.map(openCasesKey) } : { prefix: OPEN_CASES_PREFIX },
    cutoffDay: { orderBy: 'byQuietSince', from: cutoff.slice(0, 10), to: cutoff },
  };
}

/**
 * Per office, how many cases `followUpGaps` lists, from the docs of `followUpGapCountRanges`: every
 * case that went quiet on a day before the cutoff's is a gap, so those days are summed from the
 * tally; on the cutoff's day the cases themselves are put to the rule.
 */
export function followUpGapCounts(
  tallies: Iterable<OfficeOpenCases>,
  cutoffDay: ReadonlyMap<string, ActiveCase>,
  days: number,
  now: string,
): Map<string, number> {
  const nowMs = Date.parse(now);
  const day = cutoffOf(days, now).slice(0, 10);
  const counts = new Map<string, number>();
  for (const tally of tallies) {
    let before = 0;
    for (const [quietDay, cases] of Object.entries(tally.externalQuietSince)) if (quietDay < day) before += cases;
    counts.set(tally.officeNumber, before);
  }
  for (const [key, c] of cutoffDay) {
    const office = officeOfActiveCaseKey(key);
    if (isGap(c, days, nowMs) && counts.has(office)) counts.set(office, counts.get(office)! + 1);
  }
  return counts;
}
