import { daysBetween } from '../../shared/values/time.js';
import type { CaseStepCorrected } from '../case-correction.js';
import type { Cohort, Counts } from './outcomes.rows.js';

/**
 * Takes back what the corrected steps counted, so every row stands as if they had never been
 * recorded. `counted` is the cohort, the office-month and the provider row (if any): the rows the
 * projection counts `enrolled`, `placed`, `transferredIn` and `transferredOut` on together.
 *
 * Transfers are not steps a correction takes back: a transfer cannot be corrected, an arrival by
 * transfer has no enrolment step to correct, and the enrolment of a case transferred on is refused.
 * So a correction never touches `transferredIn` or `transferredOut`: a placement corrected on a case
 * that arrived by transfer leaves its `transferredIn`, just as a run without that placement would.
 */
export function undoOutcome(d: CaseStepCorrected['data'], cohort: Cohort, counted: Counts[]): void {
  const uncount = (field: keyof Counts) => counted.forEach((row) => (row[field] -= 1));
  const enrolment = d.undone.some((step) => step.type === 'ClientEnrolled');
  let closedBy: 'placed' | 'exited' | undefined;
  for (const step of d.undone) {
    if (step.type === 'ClientPlaced') {
      closedBy = 'placed';
      uncount('placed');
      const at = cohort.daysToPlacement.indexOf(daysBetween(d.startedAt, step.occurredAt));
      if (at >= 0) cohort.daysToPlacement.splice(at, 1);
    } else if (step.type === 'ClientExited') {
      closedBy = 'exited';
      cohort.exited -= 1;
    }
  }
  if (enrolment) {
    uncount('enrolled');
    // An active case leaves the active count; a closed one left it when it closed.
    if (!closedBy) cohort.active -= 1;
  } else if (closedBy) {
    cohort.active += 1; // reopened: it was never placed or exited
  }
}
