import type { CorrectionReason } from '../../shared/values/correction.js';
import { latest } from '../../shared/values/time.js';
import { profileOf } from '../case.js';
import type { CaseStep, CaseStepCorrected, UndoneStep } from '../case-correction.js';
import { AlreadyCorrected, CaseNotFound, CaseStepNotFound, NotCorrectable } from '../case.errors.js';
import type { CaseWithSteps, RecordedStep } from '../case-steps.js';

/** Declares the step at `revision` of the case registered in error. */
export interface CorrectCaseStep {
  caseId: string;
  revision: number;
  reason: CorrectionReason;
  text?: string;
  navIdent: string;
  now: string;
}

const STEP_OF: Record<UndoneStep['type'], CaseStep> = {
  ClientEnrolled: 'ENROLMENT',
  ClientFollowUpRecorded: 'FOLLOW_UP',
  ClientPlaced: 'PLACEMENT',
  ClientExited: 'EXIT',
};

const undone = ({ type, occurredAt, orgNumber }: RecordedStep): UndoneStep => ({ type, occurredAt, ...(orgNumber ? { orgNumber } : {}) });

export function correctCaseStep(command: CorrectCaseStep, { state, steps, events }: CaseWithSteps): CaseStepCorrected[] {
  if (state.status === 'none') throw new CaseNotFound(command.caseId);
  if (!Number.isInteger(command.revision) || command.revision < 0 || command.revision >= events) {
    throw new CaseStepNotFound(command.caseId, command.revision);
  }
  if (state.status === 'corrected')
    throw new NotCorrectable(`Case ${command.caseId} was registered in error and takes no further correction`);
  const target = steps.find((s) => s.revision === command.revision);
  if (!target)
    throw new NotCorrectable(`The event at revision ${command.revision} is a transfer or a correction, which cannot be corrected`);
  if (target.corrected) throw new AlreadyCorrected(`The step at revision ${command.revision}`);
  const step = STEP_OF[target.type];
  // Taking back an enrolment would have to close the case at the office it moved on to.
  if (step === 'ENROLMENT' && state.status === 'transferred') {
    throw new NotCorrectable(`Case ${command.caseId} was transferred: its enrolment cannot be corrected from here`);
  }
  const remaining = steps.filter((s) => !s.corrected && s !== target);
  const closing = remaining.find((s) => s.type === 'ClientPlaced' || s.type === 'ClientExited');
  const lastFollowUpAt = remaining
    .filter((s) => s.type === 'ClientFollowUpRecorded')
    .reduce<string | undefined>((last, s) => latest(s.occurredAt, last), undefined);
  const status = step === 'ENROLMENT' ? 'corrected' : step === 'FOLLOW_UP' ? state.status : 'active';
  const { reason, text, navIdent, now } = command;
  return [
    {
      type: 'CaseStepCorrected',
      data: {
        ...profileOf(state),
        revision: command.revision,
        step,
        reason,
        ...(text === undefined ? {} : { text }),
        undone: [undone(target), ...(step === 'ENROLMENT' && closing ? [undone(closing)] : [])],
        status,
        ...(lastFollowUpAt === undefined ? {} : { lastFollowUpAt }),
        enrolledAt: state.enrolledAt,
        correctedAt: now,
        navIdent,
      },
    },
  ];
}
