import { DomainError } from '../errors/domain-error.js';

/** Refusals of a single value, shared by employers and cases. Messages never repeat the value. */
export class InvalidOrgNumber extends DomainError {
  readonly code = 'ORG_NUMBER.INVALID';
  readonly kind = 'invalid' as const;
  constructor(path = 'orgNumber') {
    super('is not a valid organisation number (9 digits with a mod-11 check digit)', path);
  }
}

export class OccurredInTheFuture extends DomainError {
  readonly code = 'OCCURRED_AT.IN_THE_FUTURE';
  readonly kind = 'invalid' as const;
  constructor(path = 'occurredAt') {
    super('may lie at most 5 minutes in the future', path);
  }
}

/** The DTO already demands ISO-8601; this keeps an unparseable time from slipping past every date rule. */
export class InvalidOccurredAt extends DomainError {
  readonly code = 'OCCURRED_AT.INVALID';
  readonly kind = 'invalid' as const;
  constructor(path = 'occurredAt') {
    super('must be an ISO-8601 time with offset', path);
  }
}
