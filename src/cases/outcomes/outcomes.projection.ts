import type { Projection } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import { daysBetween } from '../../shared/values/time.js';
import { monthOf } from '../../shared/views/months.js';
import type { ClientEnrolled, ClientExited, ClientPlaced, ClientTransferredIn, ClientTransferredOut } from '../case.js';

/** One cohort: cases that started at an office in a month, by follow-up mode and measure. */
export interface Cohort {
  month: string;
  followUpMode: string;
  measureCode: string;
  enrolled: number;
  active: number;
  placed: number;
  exited: number;
  transferred: number;
  daysToPlacement: number[];
}

/** External cases by provider, for the national provider view. */
export interface ProviderCohort {
  providerOrgNumber: string;
  officeNumber: string;
  month: string;
  enrolled: number;
  placed: number;
}

/** An office's cases by start month, all modes together: what the national comparison sums. */
export interface OfficeMonth {
  officeNumber: string;
  month: string;
  enrolled: number;
  placed: number;
}

type Doc = Cohort | ProviderCohort | OfficeMonth;
type Outcome = RecordedEvent & (ClientEnrolled | ClientTransferredIn | ClientPlaced | ClientExited | ClientTransferredOut);

export const cohortPrefix = (office: string) => `c|${office}|`;
const cohortKey = (office: string, e: Outcome) => `${cohortPrefix(office)}${monthOf(e.data.startedAt)}|${e.data.followUpMode}|${e.data.measureCode}`;
/** Month first: the national provider view reads a range of months across all offices. */
export const providerKey = (month: string, provider: string, office: string) => `p|${month}|${provider}|${office}`;
export const officeMonthKey = (month: string, office: string) => `n|${month}|${office}`;
/** Every provider's rows of the months from `from` to `to`. */
export const providerRowsOf = (from: string, to: string) => ({ from: `p|${from}`, to: `p|${to}` });
/** Every office's month rows from `from` to `to`. */
export const officeMonthRowsOf = (from: string, to: string) => ({ from: `n|${from}`, to: `n|${to}` });
/** An office's cohorts that started from `from` to `to`. */
export const cohortRowsOf = (office: string, from: string, to: string) => ({ from: `${cohortPrefix(office)}${from}`, to: `${cohortPrefix(office)}${to}` });

export const outcomesProjection: Projection<Doc, Outcome> = {
  name: 'outcomes',
  version: 1,
  eventTypes: ['ClientEnrolled', 'ClientTransferredIn', 'ClientPlaced', 'ClientExited', 'ClientTransferredOut'],
  keysOf(event) {
    const office = officeOfStream(event.streamId)!;
    const provider = event.data.providerOrgNumber;
    const month = monthOf(event.data.startedAt);
    return [cohortKey(office, event), officeMonthKey(month, office), ...(provider ? [providerKey(month, provider, office)] : [])];
  },
  evolve(rows, event) {
    const office = officeOfStream(event.streamId)!;
    const d = event.data;
    const key = cohortKey(office, event);
    const cohort = (rows.get(key) as Cohort | undefined) ?? {
      month: monthOf(d.startedAt), followUpMode: d.followUpMode, measureCode: d.measureCode,
      enrolled: 0, active: 0, placed: 0, exited: 0, transferred: 0, daysToPlacement: [],
    };
    const pKey = d.providerOrgNumber ? providerKey(cohort.month, d.providerOrgNumber, office) : undefined;
    const provider = pKey
      ? ((rows.get(pKey) as ProviderCohort | undefined) ?? { providerOrgNumber: d.providerOrgNumber!, officeNumber: office, month: cohort.month, enrolled: 0, placed: 0 })
      : undefined;
    const nKey = officeMonthKey(cohort.month, office);
    const officeMonth = (rows.get(nKey) as OfficeMonth | undefined) ?? { officeNumber: office, month: cohort.month, enrolled: 0, placed: 0 };
    switch (event.type) {
      case 'ClientEnrolled':
      case 'ClientTransferredIn':
        cohort.enrolled += 1;
        cohort.active += 1;
        officeMonth.enrolled += 1;
        if (provider) provider.enrolled += 1;
        break;
      case 'ClientPlaced':
        cohort.active -= 1;
        cohort.placed += 1;
        cohort.daysToPlacement.push(daysBetween(d.startedAt, event.data.occurredAt));
        officeMonth.placed += 1;
        if (provider) provider.placed += 1;
        break;
      case 'ClientExited':
        cohort.active -= 1;
        cohort.exited += 1;
        break;
      case 'ClientTransferredOut':
        cohort.active -= 1;
        cohort.transferred += 1;
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    rows.set(key, cohort);
    rows.set(nKey, officeMonth);
    if (pKey && provider) rows.set(pKey, provider);
  },
};
