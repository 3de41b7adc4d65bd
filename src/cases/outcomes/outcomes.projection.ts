import type { Projection, RowAccess } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import { daysBetween } from '../../shared/values/time.js';
import { monthOf } from '../../shared/views/months.js';
import type { ClientEnrolled, ClientExited, ClientPlaced, ClientTransferredIn, ClientTransferredOut } from '../case.js';
import type { CaseStepCorrected } from '../case-correction.js';
import { undoOutcome } from './outcomes.corrections.js';
import type { Cohort, OfficeMonth, ProviderCohort } from './outcomes.rows.js';

export type { Cohort, OfficeMonth, ProviderCohort } from './outcomes.rows.js';

type Doc = Cohort | ProviderCohort | OfficeMonth;
type Outcome = RecordedEvent &
  (ClientEnrolled | ClientTransferredIn | ClientPlaced | ClientExited | ClientTransferredOut | CaseStepCorrected);

export type { Doc as OutcomeDoc };
export const cohortPrefix = (office: string) => `c|${office}|`;
const cohortKey = (office: string, e: Outcome) =>
  `${cohortPrefix(office)}${monthOf(e.data.startedAt)}|${e.data.followUpMode}|${e.data.measureCode}`;
/** Month first: the national provider view reads a range of months across all offices. */
export const providerKey = (month: string, provider: string, office: string) => `p|${month}|${provider}|${office}`;
export const officeMonthKey = (month: string, office: string) => `n|${month}|${office}`;
/** Every provider's rows of the months from `from` to `to`. */
export const providerRowsOf = (from: string, to: string) => ({ from: `p|${from}`, to: `p|${to}` });
/** Every office's month rows from `from` to `to`. */
export const officeMonthRowsOf = (from: string, to: string) => ({ from: `n|${from}`, to: `n|${to}` });
/** An office's cohorts that started from `from` to `to`. */
export const cohortRowsOf = (office: string, from: string, to: string) => ({
  from: `${cohortPrefix(office)}${from}`,
  to: `${cohortPrefix(office)}${to}`,
});

const setOrDrop = (rows: RowAccess<Doc>, key: string, doc: Doc) => (doc.enrolled === 0 ? rows.delete(key) : rows.set(key, doc));

export const outcomesProjection: Projection<Doc, Outcome> = {
  name: 'outcomes',
  version: 1,
  eventTypes: ['ClientEnrolled', 'ClientTransferredIn', 'ClientPlaced', 'ClientExited', 'ClientTransferredOut', 'CaseStepCorrected'],
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
      month: monthOf(d.startedAt),
      followUpMode: d.followUpMode,
      measureCode: d.measureCode,
      enrolled: 0,
      active: 0,
      placed: 0,
      exited: 0,
      transferred: 0,
      daysToPlacement: [],
    };
    const pKey = d.providerOrgNumber ? providerKey(cohort.month, d.providerOrgNumber, office) : undefined;
    const provider = pKey
      ? ((rows.get(pKey) as ProviderCohort | undefined) ?? {
          providerOrgNumber: d.providerOrgNumber!,
          officeNumber: office,
          month: cohort.month,
          enrolled: 0,
          placed: 0,
        })
      : undefined;
    const nKey = officeMonthKey(cohort.month, office);
    const officeMonth = (rows.get(nKey) as OfficeMonth | undefined) ?? {
      officeNumber: office,
      month: cohort.month,
      enrolled: 0,
      placed: 0,
    };
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
      case 'CaseStepCorrected':
        undoOutcome(event.data, cohort, officeMonth, provider);
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    // A cohort with no case left is one that was never enrolled: as if it had never been recorded.
    setOrDrop(rows, key, cohort);
    setOrDrop(rows, nKey, officeMonth);
    if (pKey && provider) setOrDrop(rows, pKey, provider);
  },
};
