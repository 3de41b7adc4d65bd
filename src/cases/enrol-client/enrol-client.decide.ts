import { OccurredInTheFuture } from '../../employers/employer.errors.js';
import { isValidOrgNumber } from '../../shared/domain/org-number.js';
import { isTooFarInTheFuture } from '../../shared/domain/time.js';
import { InvalidOrgNumber } from '../../employers/employer.errors.js';
import type { CaseState, ClientEnrolled } from '../case.js';
import { CaseAlreadyExists, ProviderNotAllowed, ProviderRequired } from '../case.errors.js';
import type { EnrolClient } from './enrol-client.command.js';

export function enrolClient(command: EnrolClient, state: CaseState): ClientEnrolled[] {
  if (state.status !== 'none') throw new CaseAlreadyExists(command.caseId);
  if (command.followUpMode === 'EXTERNAL' && !command.providerOrgNumber) throw new ProviderRequired();
  if (command.followUpMode === 'IN_HOUSE' && command.providerOrgNumber) throw new ProviderNotAllowed();
  if (command.providerOrgNumber && !isValidOrgNumber(command.providerOrgNumber)) throw new InvalidOrgNumber('providerOrgNumber');
  if (isTooFarInTheFuture(command.occurredAt, command.now)) throw new OccurredInTheFuture();
  const { caseId, clientRef, needGroup, followUpMode, measureCode, providerOrgNumber, occurredAt, navIdent } = command;
  return [
    {
      type: 'ClientEnrolled',
      data: { caseId, clientRef, needGroup, followUpMode, measureCode, providerOrgNumber, startedAt: occurredAt, occurredAt, navIdent },
    },
  ];
}
