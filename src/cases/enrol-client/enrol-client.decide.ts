import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { isClientRef } from '../../shared/values/personal-id.js';
import { assertOccurredAt } from '../../shared/values/time.js';
import type { CaseState, ClientEnrolled } from '../case.js';
import { CaseAlreadyExists, InvalidClientRef, InvalidOrgNumber, ProviderNotAllowed, ProviderRequired } from '../case.errors.js';
import type { FollowUpMode, MeasureCode, NeedGroup } from '../../shared/values/codes.js';

/** `clientRef` is already the pseudonym: a personal id number never reaches the domain. */
export interface EnrolClient {
  caseId: string;
  clientRef: string;
  needGroup: NeedGroup;
  followUpMode: FollowUpMode;
  measureCode: MeasureCode;
  providerOrgNumber?: string;
  occurredAt: string;
  navIdent: string;
  now: string;
}

/** Decided on the case's own, new stream: enrolling under an id that has events is a conflict. */
export function enrolClient(command: EnrolClient, state: CaseState): ClientEnrolled[] {
  if (state.status !== 'none') throw new CaseAlreadyExists(command.caseId);
  if (!isClientRef(command.clientRef)) throw new InvalidClientRef();
  // Who follows up decides whether there is a provider; the measure only suggests a default.
  if (command.followUpMode === 'EXTERNAL' && command.providerOrgNumber === undefined) throw new ProviderRequired();
  if (command.followUpMode === 'IN_HOUSE' && command.providerOrgNumber !== undefined) throw new ProviderNotAllowed();
  if (command.providerOrgNumber !== undefined && !isValidOrgNumber(command.providerOrgNumber)) {
    throw new InvalidOrgNumber('providerOrgNumber');
  }
  assertOccurredAt(command.occurredAt, command.now);
  const { caseId, clientRef, needGroup, followUpMode, measureCode, providerOrgNumber, occurredAt, navIdent } = command;
  return [
    {
      type: 'ClientEnrolled',
      data: { caseId, clientRef, needGroup, followUpMode, measureCode, providerOrgNumber, startedAt: occurredAt, occurredAt, navIdent },
    },
  ];
}
