import { DomainError } from '../shared/errors/domain-error.js';

// Value refusals both areas share; re-exported so each area's errors file lists all it throws.
export {
  InvalidOccurredAt,
  InvalidOrgNumber,
  OccurredInTheFuture,
  OccurredTooEarly,
  StartDateOutOfRange,
} from '../shared/values/value.errors.js';

export class CaseNotFound extends DomainError {
  readonly code = 'CASE.NOT_FOUND';
  readonly kind = 'not_found' as const;
  // The id is not repeated: answers never echo what a caller typed into a path (issue 12).
  constructor(readonly caseId: string) {
    super('No such case at this office');
  }
}

/**
 * Only a subject id made by this service reaches a case. Refusing anything else here means a raw
 * fødselsnummer cannot end up in an event even if an edge forgets to replace it.
 */
export class InvalidSubjectId extends DomainError {
  readonly code = 'SUBJECT_ID.INVALID';
  readonly kind = 'invalid' as const;
  constructor() {
    super('must be a subject id (a UUID), never a personal id number', 'subjectId');
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

/**
 * Invalid (400) rather than conflict (409): the date is wrong on its face, and the caller fixes it
 * by sending another date, not by waiting for the case to change. For a case that arrived by
 * transfer the limit is the arrival at this office.
 */
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

export class CaseStepNotFound extends DomainError {
  readonly code = 'CASE.STEP_NOT_FOUND';
  readonly kind = 'not_found' as const;
  constructor(caseId: string, revision: number) {
    super(`Case ${caseId} has no step at revision ${revision}`);
  }
}

export { AlreadyCorrected, NotCorrectable } from '../shared/errors/correction.errors.js';
