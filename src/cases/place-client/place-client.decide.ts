import { isValidOrgNumber } from '../../shared/values/org-number.js';
import { assertStartDate } from '../../shared/values/time.js';
import { profileOf, type CaseState, type ClientPlaced } from '../case.js';
import { InvalidEmploymentPercent, InvalidOrgNumber } from '../case.errors.js';
import { activeCase } from '../case-rules.js';
import type { EmploymentType } from '../../shared/values/codes.js';

/** What the decision needs: the body as checked, who sent it and when (time and ids come in here). */
export interface PlaceClient {
  caseId: string;
  orgNumber: string;
  startDate: string;
  employmentPercent: number;
  employmentType: EmploymentType;
  wageSubsidy?: boolean;
  occurredAt: string;
  navIdent: string;
  now: string;
}

export function placeClient(command: PlaceClient, state: CaseState): ClientPlaced[] {
  const open = activeCase(state, command.caseId, command.occurredAt, command.now);
  if (!isValidOrgNumber(command.orgNumber)) throw new InvalidOrgNumber();
  assertStartDate(command.startDate, command.now);
  const percent = command.employmentPercent;
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new InvalidEmploymentPercent();
  const { orgNumber, startDate, employmentPercent, employmentType, wageSubsidy, occurredAt, navIdent } = command;
  return [
    {
      type: 'ClientPlaced',
      data: { ...profileOf(open), orgNumber, startDate, employmentPercent, employmentType, wageSubsidy, occurredAt, navIdent },
    },
  ];
}
