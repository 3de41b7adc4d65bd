import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { isSubjectId } from '../../shared/values/personal-id.js';
import { assertOccurredAt } from '../../shared/values/time.js';
import type { CaseState, ClientEnrolled } from '../case.js';
import { CaseAlreadyExists, InvalidSubjectId, InvalidOrgNumber, ProviderNotAllowed, ProviderRequired } from '../case.errors.js';
import type { FollowUpMode, MeasureCode, NeedGroup } from '../../shared/values/codes.js';

/** `subjectId` is the client's random subject id: neither a personal id number nor its pseudonym reaches the domain. */
export interface EnrolClient {
  caseId: string;
  subjectId: string;
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
  if (!isSubjectId(command.subjectId)) throw new InvalidSubjectId();
  // Who follows up decides whether there is a provider; the measure only suggests a default.
  if (command.followUpMode === 'EXTERNAL' && command.providerOrgNumber === undefined) throw new ProviderRequired();
  if (command.followUpMode === 'IN_HOUSE' && command.providerOrgNumber !== undefined) throw new ProviderNotAllowed();
  if (command.providerOrgNumber !== undefined && !isValidOrgNumber(command.providerOrgNumber)) {
    throw new InvalidOrgNumber('providerOrgNumber');
  }
  assertOccurredAt(command.occurredAt, command.now);
  const { caseId, subjectId, needGroup, followUpMode, measureCode, providerOrgNumber, occurredAt, navIdent } = command;
  return [
    {
      type: 'ClientEnrolled',
      data: { caseId, subjectId, needGroup, followUpMode, measureCode, providerOrgNumber, startedAt: occurredAt, occurredAt, navIdent },
    },
  ];
}
