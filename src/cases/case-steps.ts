import type { StreamModel } from '../shared/commands/decide-on-stream.js';
import { evolveCase, initialCaseState, type CaseEvent, type CaseState } from './case.js';
import type { UndoneStep } from './case-correction.js';

/** A step as a correction needs it: where it is in the stream, and whether it was corrected already. */
export interface RecordedStep extends UndoneStep {
  revision: number;
  corrected: boolean;
}

/** A case with its steps: what deciding a correction needs beyond the case's state. */
export interface CaseWithSteps {
  state: CaseState;
  steps: RecordedStep[];
  /** Events folded so far: the next event's revision. */
  events: number;
}

const STEP_TYPES = new Set<string>(['ClientEnrolled', 'ClientFollowUpRecorded', 'ClientPlaced', 'ClientExited']);

export function evolveCaseWithSteps(current: CaseWithSteps, event: CaseEvent): CaseWithSteps {
  const revision = current.events;
  const state = evolveCase(current.state, event);
  let steps = current.steps;
  if (event.type === 'CaseStepCorrected') {
    steps = steps.map((step) => (step.revision === event.data.revision ? { ...step, corrected: true } : step));
  } else if (STEP_TYPES.has(event.type)) {
    const orgNumber = event.type === 'ClientPlaced' ? { orgNumber: event.data.orgNumber } : {};
    const type = event.type as UndoneStep['type'];
    steps = [...steps, { revision, type, occurredAt: event.data.occurredAt, ...orgNumber, corrected: false }];
  }
  return { state, steps, events: revision + 1 };
}

export const caseWithStepsModel: StreamModel<CaseWithSteps, CaseEvent> = {
  initialState: () => ({ state: initialCaseState(), steps: [], events: 0 }),
  evolve: evolveCaseWithSteps,
};
