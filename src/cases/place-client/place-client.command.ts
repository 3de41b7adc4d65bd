import type { EmploymentType } from '../../shared/domain/codes.js';

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
