import { profileOf, type CaseState, type ClientExited } from '../case.js';
import { activeCase } from '../case-rules.js';
import type { ExitReason } from '../../shared/values/codes.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface ExitClient {
  caseId: string;
  reason: ExitReason;
  occurredAt: string;
  navIdent: string;
  now: string;
}

export function exitClient(command: ExitClient, state: CaseState): ClientExited[] {
  const open = activeCase(state, command.caseId, command.occurredAt, command.now);
  const { reason, occurredAt, navIdent } = command;
  return [{ type: 'ClientExited', data: { ...profileOf(open), reason, occurredAt, navIdent } }];
}
