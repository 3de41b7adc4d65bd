import type { Projection } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import { toUtc } from '../../shared/values/time.js';
import type { CaseEvent } from '../case.js';
import type { CaseStepCorrected } from '../case-correction.js';

/** An active case of the office; it leaves the view when it closes. */
export interface ActiveCase {
  caseId: string;
  subjectId: string;
  followUpMode: string;
  measureCode: string;
  providerOrgNumber: string | null;
  startedAt: string;
  /** UTC, so that it orders as a string. */
  lastFollowUpAt: string | null;
  /** EXTERNAL cases only: sort key `<quiet since, UTC>|<office>|<caseId>`, so cases can be read by when they went quiet. */
  byQuietSince?: string;
}

/**
 * An office's active cases in a few numbers, for the national comparison: how many there are,
 * and the EXTERNAL ones by the UTC day they went quiet (last follow-up, or start if none). Its
 * size follows the days, not the cases or the history; the row goes when the last case closes.
 */
export interface OfficeOpenCases {
  officeNumber: string;
  active: number;
  externalQuietSince: Record<string, number>;
}

type Following = RecordedEvent & CaseEvent;
type Rows = Parameters<Projection<ActiveCase | OfficeOpenCases, Following>['evolve']>[0];

export const activeCasePrefix = (office: string) => `a|${office}|`;
export const OPEN_CASES_PREFIX = 'o|';
export const openCasesKey = (office: string) => `${OPEN_CASES_PREFIX}${office}`;
/** The office of an active case's row key. */
export const officeOfActiveCaseKey = (key: string) => key.split('|')[1]!;
const keyOf = (event: Following) => `${activeCasePrefix(officeOfStream(event.streamId)!)}${event.data.caseId}`;

/** When the case went quiet: its last follow-up, or its start if none (UTC). */
export const quietSince = (c: Pick<ActiveCase, 'lastFollowUpAt' | 'startedAt'>): string => toUtc(c.lastFollowUpAt ?? c.startedAt);

const withSortKey = (office: string, c: ActiveCase): ActiveCase => {
  const { byQuietSince: _, ...figures } = c;
  return c.followUpMode === 'EXTERNAL' ? { ...figures, byQuietSince: `${quietSince(c)}|${office}|${c.caseId}` } : figures;
};

/** Moves the office's tally by one case: `by` +1 as it opens or goes quiet on a later day, -1 as it closes or leaves that day. */
function tally(rows: Rows, office: string, c: ActiveCase, by: 1 | -1, countActive: boolean): void {
  const key = openCasesKey(office);
  const open = (rows.get(key) as OfficeOpenCases | undefined) ?? { officeNumber: office, active: 0, externalQuietSince: {} };
  if (countActive) open.active += by;
  if (c.followUpMode === 'EXTERNAL') {
    const day = quietSince(c).slice(0, 10);
    const left = (open.externalQuietSince[day] ?? 0) + by;
    if (left === 0) delete open.externalQuietSince[day];
    else open.externalQuietSince[day] = left;
  }
  if (open.active === 0) rows.delete(key);
  else rows.set(key, open);
}

/** As if the step had never been recorded: the case goes, comes back, or has its last follow-up of the steps left. */
function correct(rows: Rows, office: string, key: string, row: ActiveCase | undefined, d: CaseStepCorrected['data']): void {
  if (row) tally(rows, office, row, -1, true);
  if (d.status !== 'active') {
    rows.delete(key);
    return;
  }
  const reopened = withSortKey(office, {
    caseId: d.caseId,
    subjectId: d.subjectId,
    followUpMode: d.followUpMode,
    measureCode: d.measureCode,
    providerOrgNumber: d.providerOrgNumber ?? null,
    startedAt: d.startedAt,
    lastFollowUpAt: d.lastFollowUpAt ? toUtc(d.lastFollowUpAt) : null,
  });
  rows.set(key, reopened);
  tally(rows, office, reopened, 1, true);
}

export const followUpGapsProjection: Projection<ActiveCase | OfficeOpenCases, Following> = {
  name: 'active_cases',
  // 2: lastFollowUpAt in UTC (1 compared offsets as text). 3: the office tallies and quiet-since sort keys.
  // 4: the subject id in place of the pseudonym (erasable clients).
  version: 4,
  eventTypes: [
    'ClientEnrolled',
    'ClientTransferredIn',
    'ClientFollowUpRecorded',
    'ClientPlaced',
    'ClientExited',
    'ClientTransferredOut',
    'CaseStepCorrected',
  ],
  keysOf: (event) => [keyOf(event), openCasesKey(officeOfStream(event.streamId)!)],
  evolve(rows, event) {
    const key = keyOf(event);
    const office = officeOfStream(event.streamId)!;
    const row = rows.get(key) as ActiveCase | undefined;
    switch (event.type) {
      case 'ClientEnrolled':
      case 'ClientTransferredIn': {
        const d = event.data;
        if (row) tally(rows, office, row, -1, true);
        const opened = withSortKey(office, {
          caseId: d.caseId,
          subjectId: d.subjectId,
          followUpMode: d.followUpMode,
          measureCode: d.measureCode,
          providerOrgNumber: d.providerOrgNumber ?? null,
          startedAt: d.startedAt,
          lastFollowUpAt: null,
        });
        rows.set(key, opened);
        tally(rows, office, opened, 1, true);
        return;
      }
      case 'ClientFollowUpRecorded': {
        if (!row) return; // the case has closed: nothing to keep track of
        const at = toUtc(event.data.occurredAt);
        if (row.lastFollowUpAt && at <= row.lastFollowUpAt) return;
        tally(rows, office, row, -1, false);
        const followed = withSortKey(office, { ...row, lastFollowUpAt: at });
        rows.set(key, followed);
        tally(rows, office, followed, 1, false);
        return;
      }
      case 'ClientPlaced':
      case 'ClientExited':
      case 'ClientTransferredOut':
        if (!row) return;
        tally(rows, office, row, -1, true);
        rows.delete(key);
        return;
      case 'CaseStepCorrected':
        correct(rows, office, key, row, event.data);
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};
