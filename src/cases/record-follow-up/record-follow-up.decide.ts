import type { CaseState, ClientFollowUpRecorded } from '../case.js';
import { activeCase } from '../case-rules.js';
import type { FollowUpKind } from '../../shared/values/codes.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface RecordFollowUp {
  caseId: string;
  kind: FollowUpKind;
  occurredAt: string;
  navIdent: string;
  now: string;
}

export function recordFollowUp(command: RecordFollowUp, state: CaseState): ClientFollowUpRecorded[] {
  activeCase(state, command.caseId, command.occurredAt, command.now);
  const { caseId, kind, occurredAt, navIdent } = command;
  return [{ type: 'ClientFollowUpRecorded', data: { caseId, kind, occurredAt, navIdent } }];
}
