import { daysBetween } from '../../shared/values/time.js';
import type { CaseStepCorrected } from '../case-correction.js';
import type { Cohort, OfficeMonth, ProviderCohort } from './outcomes.rows.js';

/** Takes back what the corrected steps counted, so the cohort stands as if they had never been recorded. */
export function undoOutcome(d: CaseStepCorrected['data'], cohort: Cohort, officeMonth: OfficeMonth, provider?: ProviderCohort): void {
  const enrolment = d.undone.some((step) => step.type === 'ClientEnrolled');
  let closedBy: 'placed' | 'exited' | undefined;
  for (const step of d.undone) {
    if (step.type === 'ClientPlaced') {
      closedBy = 'placed';
      cohort.placed -= 1;
      const at = cohort.daysToPlacement.indexOf(daysBetween(d.startedAt, step.occurredAt));
      if (at >= 0) cohort.daysToPlacement.splice(at, 1);
      officeMonth.placed -= 1;
      if (provider) provider.placed -= 1;
    } else if (step.type === 'ClientExited') {
      closedBy = 'exited';
      cohort.exited -= 1;
    }
  }
  if (enrolment) {
    cohort.enrolled -= 1;
    officeMonth.enrolled -= 1;
    if (provider) provider.enrolled -= 1;
    // An active case leaves the active count; a closed one left it when it closed.
    if (!closedBy) cohort.active -= 1;
  } else if (closedBy) {
    cohort.active += 1; // reopened: it was never placed or exited
  }
}
