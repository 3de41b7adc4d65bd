import { DeciderSpecification } from '@app/testing';
import type { CaseEvent } from '../case.js';
import type { CaseStepCorrected } from '../case-correction.js';
import { AlreadyCorrected, CaseNotFound, CaseStepNotFound, NotCorrectable } from '../case.errors.js';
import { enrolled, exited, navIdent, now, placed, profile, transferredOut } from '../case.examples.js';
import { caseWithStepsModel, evolveCaseWithSteps } from '../case-steps.js';
import { correctCaseStep, type CorrectCaseStep } from './correct-case-step.decide.js';

const spec = DeciderSpecification.for({
  decide: correctCaseStep,
  evolve: evolveCaseWithSteps,
  initialState: caseWithStepsModel.initialState,
});
const followUp = (occurredAt: string): CaseEvent => ({
  type: 'ClientFollowUpRecorded',
  data: { caseId: profile.caseId, kind: 'CLIENT_CALL', occurredAt, navIdent },
});
const correction = (revision: number, overrides: Partial<CorrectCaseStep> = {}): CorrectCaseStep => ({
  caseId: profile.caseId,
  revision,
  reason: 'DUPLICATE',
  navIdent,
  now,
  ...overrides,
});
const corrected = (revision: number, step: string, rest: object, reason = 'DUPLICATE'): CaseStepCorrected =>
  ({
    type: 'CaseStepCorrected',
    data: { ...profile, revision, step, reason, enrolledAt: profile.startedAt, correctedAt: now, navIdent, ...rest },
  }) as CaseStepCorrected;

describe('correcting a step of a case registered in error', () => {
  it('takes a follow-up back, leaving the last of the others', () => {
    spec
      .given([enrolled, followUp('2026-02-01T10:00:00.000Z'), followUp('2026-03-01T10:00:00.000Z')])
      .when(correction(2))
      .then([
        corrected(2, 'FOLLOW_UP', {
          undone: [{ type: 'ClientFollowUpRecorded', occurredAt: '2026-03-01T10:00:00.000Z' }],
          status: 'active',
          lastFollowUpAt: '2026-02-01T10:00:00.000Z',
        }),
      ]);
  });

  it('reopens a placed case, and takes the closing along with a corrected enrolment', () => {
    const placement = { type: 'ClientPlaced', occurredAt: '2026-03-01T00:00:00.000Z', orgNumber: '974760673' };
    spec
      .given([enrolled, placed])
      .when(correction(1))
      .then([corrected(1, 'PLACEMENT', { undone: [placement], status: 'active' })]);
    spec
      .given([enrolled, placed])
      .when(correction(0, { reason: 'WRONG_CLIENT' }))
      .then([
        corrected(
          0,
          'ENROLMENT',
          { undone: [{ type: 'ClientEnrolled', occurredAt: profile.startedAt }, placement], status: 'corrected' },
          'WRONG_CLIENT',
        ),
      ]);
    spec
      .given([enrolled, exited])
      .when(correction(1))
      .then([corrected(1, 'EXIT', { undone: [{ type: 'ClientExited', occurredAt: '2026-03-01T00:00:00.000Z' }], status: 'active' })]);
  });

  it('corrects a step once, and nothing after the enrolment was corrected', () => {
    const first = corrected(1, 'PLACEMENT', { undone: [], status: 'active' });
    spec
      .given([enrolled, placed, first])
      .when(correction(1))
      .thenThrows(AlreadyCorrected, (e) => expect(e.code).toBe('CORRECTION.ALREADY_CORRECTED'));
    const gone = corrected(0, 'ENROLMENT', { undone: [], status: 'corrected' });
    spec
      .given([enrolled, followUp('2026-02-01T10:00:00.000Z'), gone])
      .when(correction(1))
      .thenThrows(NotCorrectable);
  });

  it('refuses a transfer, a correction, and the enrolment of a transferred case (it would reach another office)', () => {
    spec.given([enrolled, transferredOut]).when(correction(1)).thenThrows(NotCorrectable);
    spec
      .given([enrolled, transferredOut])
      .when(correction(0))
      .thenThrows(NotCorrectable, (e) => expect(e.kind).toBe('conflict'));
    spec
      .given([enrolled, placed, corrected(1, 'PLACEMENT', { undone: [], status: 'active' })])
      .when(correction(2))
      .thenThrows(NotCorrectable);
  });

  it('answers not found for a case with no events or a revision past its end', () => {
    spec.given([]).when(correction(0)).thenThrows(CaseNotFound);
    spec
      .given([enrolled])
      .when(correction(1))
      .thenThrows(CaseStepNotFound, (e) => expect(e.kind).toBe('not_found'));
  });
});
