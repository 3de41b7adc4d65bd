import { profileOf, type CaseState, type ClientExited } from '../case.js';
import { activeCase } from '../case-rules.js';
import type { ExitClient } from './exit-client.command.js';

export function exitClient(command: ExitClient, state: CaseState): ClientExited[] {
  const open = activeCase(state, command.caseId, command.occurredAt, command.now);
  const { reason, occurredAt, navIdent } = command;
  return [{ type: 'ClientExited', data: { ...profileOf(open), reason, occurredAt, navIdent } }];
}
