import type { DomainEvent } from '@app/event-store';
import type { CorrectionFacts, CorrectionReason } from '../shared/values/correction.js';
import type { CaseProfile } from './case-profile.js';

/** The steps of a case that can be declared registered in error; a transfer cannot (it reaches two offices). */
export const CASE_STEPS = ['ENROLMENT', 'FOLLOW_UP', 'PLACEMENT', 'EXIT'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** A step whose effect on the views a correction takes back: what the views need to undo it. */
export interface UndoneStep {
  type: 'ClientEnrolled' | 'ClientFollowUpRecorded' | 'ClientPlaced' | 'ClientExited';
  occurredAt: string;
  /** Placements: the employer. */
  orgNumber?: string;
}

/**
 * The step at `revision` of this case's stream was registered in error. Carries the case profile
 * (views file it without a lookup), every step whose effect goes with it (an enrolment takes the
 * closing step along), and the case as it stands afterwards, so views count as if the step had
 * never been recorded without keeping every step themselves.
 */
export type CaseStepCorrected = DomainEvent<
  'CaseStepCorrected',
  CaseProfile &
    CorrectionFacts & {
      revision: number;
      step: CaseStep;
      reason: CorrectionReason;
      undone: UndoneStep[];
      /** The case afterwards: `corrected` (an enrolment: closed for good), or as it was before the step. */
      status: 'active' | 'placed' | 'exited' | 'transferred' | 'corrected';
      lastFollowUpAt?: string;
      /** Kept so a reopened case keeps when it first started. */
      enrolledAt: string;
    }
>;
