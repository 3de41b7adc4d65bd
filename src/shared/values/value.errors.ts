import { DomainError } from '../errors/domain-error.js';

/** Refusals of a single value, shared by employers and cases. Messages never repeat the value. */
export class InvalidOrgNumber extends DomainError {
  readonly code = 'ORG_NUMBER.INVALID';
  readonly kind = 'invalid' as const;
  constructor(path = 'orgNumber') {
    super('is not a valid organisation number (9 digits, the first 8 or 9, with a mod-11 check digit)', path);
  }
}

export class OccurredInTheFuture extends DomainError {
  readonly code = 'OCCURRED_AT.IN_THE_FUTURE';
  readonly kind = 'invalid' as const;
  constructor() {
    super('may lie at most 5 minutes in the future', 'occurredAt');
  }
}

/** The DTO already demands ISO-8601; this keeps an unparseable time from slipping past every date rule. */
export class InvalidOccurredAt extends DomainError {
  readonly code = 'OCCURRED_AT.INVALID';
  readonly kind = 'invalid' as const;
  constructor() {
    super('must be an ISO-8601 time with offset', 'occurredAt');
  }
}

export class OccurredTooEarly extends DomainError {
  readonly code = 'OCCURRED_AT.TOO_EARLY';
  readonly kind = 'invalid' as const;
  constructor() {
    super('must not be before 2000-01-01T00:00:00Z', 'occurredAt');
  }
}

export class StartDateOutOfRange extends DomainError {
  readonly code = 'START_DATE.OUT_OF_RANGE';
  readonly kind = 'invalid' as const;
  constructor() {
    super('must be a date from 2000-01-01 to one year after today', 'startDate');
  }
}
