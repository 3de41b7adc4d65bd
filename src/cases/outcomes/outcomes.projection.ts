import type { Projection, RowAccess } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import { daysBetween } from '../../shared/values/time.js';
import { monthOf } from '../../shared/views/months.js';
import type { ClientEnrolled, ClientExited, ClientPlaced, ClientTransferredIn, ClientTransferredOut } from '../case.js';
import type { CaseStepCorrected } from '../case-correction.js';
import { undoOutcome } from './outcomes.corrections.js';
import type { Cohort, Counts, OfficeMonth, ProviderCohort } from './outcomes.rows.js';

export type { Cohort, OfficeMonth, ProviderCohort } from './outcomes.rows.js';

type Doc = Cohort | ProviderCohort | OfficeMonth;
type Outcome = RecordedEvent &
  (ClientEnrolled | ClientTransferredIn | ClientPlaced | ClientExited | ClientTransferredOut | CaseStepCorrected);

const noCounts = (): Counts => ({ enrolled: 0, placed: 0, transferredIn: 0, transferredOut: 0 });

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
  // 2: every row counts transfers in and out (1 counted only transfers out, and only in cohorts).
  // 3: corrections (CaseStepCorrected) take back what the corrected steps counted, transfers included, and
  //    drop a row left with no case; merged over 2's row shapes (transferredIn/transferredOut everywhere).
  version: 3,
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
      transferredIn: 0,
      transferredOut: 0,
      daysToPlacement: [],
    };
    const pKey = d.providerOrgNumber ? providerKey(cohort.month, d.providerOrgNumber, office) : undefined;
    const provider = pKey
      ? ((rows.get(pKey) as ProviderCohort | undefined) ?? {
          providerOrgNumber: d.providerOrgNumber!,
          officeNumber: office,
          month: cohort.month,
          ...noCounts(),
        })
      : undefined;
    const nKey = officeMonthKey(cohort.month, office);
    const officeMonth = (rows.get(nKey) as OfficeMonth | undefined) ?? { officeNumber: office, month: cohort.month, ...noCounts() };
    const counted: Counts[] = [cohort, officeMonth, ...(provider ? [provider] : [])];
    const count = (field: keyof Counts) => counted.forEach((row) => (row[field] += 1));
    switch (event.type) {
      case 'ClientEnrolled':
        count('enrolled');
        cohort.active += 1;
        break;
      case 'ClientTransferredIn':
        count('enrolled');
        count('transferredIn');
        cohort.active += 1;
        break;
      case 'ClientPlaced':
        cohort.active -= 1;
        count('placed');
        // From `startedAt`: the arrival for a case transferred in (not `enrolledAt`, its first enrolment elsewhere).
        cohort.daysToPlacement.push(daysBetween(d.startedAt, event.data.occurredAt));
        break;
      case 'ClientExited':
        cohort.active -= 1;
        cohort.exited += 1;
        break;
      case 'ClientTransferredOut':
        cohort.active -= 1;
        count('transferredOut');
        break;
      case 'CaseStepCorrected':
        undoOutcome(event.data, cohort, counted);
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
