import { DomainError } from '../shared/domain-error.js';

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
  constructor() {
    super('may lie at most 5 minutes in the future', 'occurredAt');
  }
}

export class PersonalDataNotConfirmed extends DomainError {
  readonly code = 'NOTE.PERSONAL_DATA_NOT_CONFIRMED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('a note needs noPersonalData: true, confirming it holds no personal data', 'noPersonalData');
  }
}

export class NoteContainsPersonalId extends DomainError {
  readonly code = 'NOTE.CONTAINS_PERSONAL_ID';
  readonly kind = 'invalid' as const;
  constructor() {
    super('holds an 11-digit number, which may be a personal id number; notes may hold no personal data', 'note');
  }
}

export class RecruitmentNeedNotFound extends DomainError {
  readonly code = 'RECRUITMENT_NEED.NOT_FOUND';
  readonly kind = 'not_found' as const;
  constructor(needId: string) {
    super(`No recruitment need ${needId} at this office`);
  }
}

export class RecruitmentNeedAlreadyClosed extends DomainError {
  readonly code = 'RECRUITMENT_NEED.ALREADY_CLOSED';
  readonly kind = 'conflict' as const;
  constructor(needId: string) {
    super(`Recruitment need ${needId} is already closed`);
  }
}

export class RecruitmentNeedAlreadyRegistered extends DomainError {
  readonly code = 'RECRUITMENT_NEED.ALREADY_REGISTERED';
  readonly kind = 'conflict' as const;
  constructor(needId: string) {
    super(`Recruitment need ${needId} is already registered`);
  }
}

export class ClosedBeforeRegistered extends DomainError {
  readonly code = 'OCCURRED_AT.BEFORE_REGISTRATION';
  readonly kind = 'invalid' as const;
  constructor() {
    super('cannot lie before the need was registered', 'occurredAt');
  }
}
