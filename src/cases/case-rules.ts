import { isTooFarInTheFuture } from '../shared/domain/time.js';
import { OccurredInTheFuture } from '../employers/employer.errors.js';
import type { CaseProfile, CaseState } from './case.js';
import { BeforeCaseStarted, CaseAlreadyClosed, CaseNotFound } from './case.errors.js';

type ActiveCase = CaseProfile & { status: 'active'; lastFollowUpAt?: string };

/** The rules every step on an existing case shares: it exists, it is open, the time makes sense. */
export function activeCase(state: CaseState, caseId: string, occurredAt: string, now: string): ActiveCase {
  if (state.status === 'none') throw new CaseNotFound(caseId);
  if (state.status !== 'active') throw new CaseAlreadyClosed(caseId, state.status);
  if (isTooFarInTheFuture(occurredAt, now)) throw new OccurredInTheFuture();
  if (Date.parse(occurredAt) < Date.parse(state.startedAt)) throw new BeforeCaseStarted();
  return state as ActiveCase;
}

export const profileOfCase = (state: ActiveCase): CaseProfile => ({
  caseId: state.caseId,
  clientRef: state.clientRef,
  needGroup: state.needGroup,
  followUpMode: state.followUpMode,
  measureCode: state.measureCode,
  providerOrgNumber: state.providerOrgNumber,
  startedAt: state.startedAt,
});
