import { DomainError } from '../shared/domain-error.js';

export class CaseNotFound extends DomainError {
  readonly code = 'CASE.NOT_FOUND';
  readonly kind = 'not_found' as const;
  constructor(caseId: string) {
    super(`No case ${caseId} at this office`);
  }
}

export class CaseAlreadyExists extends DomainError {
  readonly code = 'CASE.ALREADY_EXISTS';
  readonly kind = 'conflict' as const;
  constructor(caseId: string) {
    super(`Case ${caseId} already exists`);
  }
}

export class CaseAlreadyClosed extends DomainError {
  readonly code = 'CASE.ALREADY_CLOSED';
  readonly kind = 'conflict' as const;
  constructor(caseId: string, status: string) {
    super(`Case ${caseId} is closed (${status}) and takes no further events`);
  }
}

export class ProviderRequired extends DomainError {
  readonly code = 'CASE.PROVIDER_REQUIRED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('EXTERNAL follow-up needs the provider (tiltaksarrangør) organisation number', 'providerOrgNumber');
  }
}

export class ProviderNotAllowed extends DomainError {
  readonly code = 'CASE.PROVIDER_NOT_ALLOWED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('IN_HOUSE follow-up has no provider', 'providerOrgNumber');
  }
}

/** Invalid (400) rather than conflict: the date itself is wrong whatever else the case holds. */
export class BeforeCaseStarted extends DomainError {
  readonly code = 'OCCURRED_AT.BEFORE_ENROLMENT';
  readonly kind = 'invalid' as const;
  constructor() {
    super('cannot lie before the case started at this office', 'occurredAt');
  }
}

export class TransferToSameOffice extends DomainError {
  readonly code = 'CASE.TRANSFER_TO_SAME_OFFICE';
  readonly kind = 'invalid' as const;
  constructor() {
    super('a case is transferred to another office, not its own', 'toOfficeNumber');
  }
}

export class InvalidEmploymentPercent extends DomainError {
  readonly code = 'PLACEMENT.EMPLOYMENT_PERCENT';
  readonly kind = 'invalid' as const;
  constructor() {
    super('must be a whole number from 1 to 100', 'employmentPercent');
  }
}
