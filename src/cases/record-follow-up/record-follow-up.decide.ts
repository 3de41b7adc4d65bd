import type { CaseState, ClientFollowUpRecorded } from '../case.js';
import { activeCase } from '../case-rules.js';
import type { RecordFollowUp } from './record-follow-up.command.js';

export function recordFollowUp(command: RecordFollowUp, state: CaseState): ClientFollowUpRecorded[] {
  activeCase(state, command.caseId, command.occurredAt, command.now);
  const { caseId, kind, occurredAt, navIdent } = command;
  return [{ type: 'ClientFollowUpRecorded', data: { caseId, kind, occurredAt, navIdent } }];
}
