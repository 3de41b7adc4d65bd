import { assertOccurredAt, isBefore } from '../shared/values/time.js';
import type { CaseProfile, CaseState } from './case.js';
import { BeforeCaseStarted, CaseAlreadyClosed, CaseNotFound } from './case.errors.js';

type ActiveCase = CaseProfile & { status: 'active'; enrolledAt: string; lastFollowUpAt?: string };

/**
 * The rules every step on an existing case shares, in the order a caller should learn of them:
 * it exists (404), it is open (409), the time makes sense (400).
 */
export function activeCase(state: CaseState, caseId: string, occurredAt: string, now: string): ActiveCase {
  if (state.status === 'none') throw new CaseNotFound(caseId);
  if (state.status !== 'active') throw new CaseAlreadyClosed(caseId, state.status);
  assertOccurredAt(occurredAt, now);
  if (isBefore(occurredAt, state.startedAt)) throw new BeforeCaseStarted();
  return { ...state, status: 'active' };
}
