import { DomainError } from '../shared/errors/domain-error.js';

// Value refusals both areas share; re-exported so each area's errors file lists all it throws.
export { InvalidOccurredAt, InvalidOrgNumber, OccurredInTheFuture, OccurredTooEarly } from '../shared/values/value.errors.js';

export class InvalidNaceCode extends DomainError {
  readonly code = 'NACE_CODE.INVALID';
  readonly kind = 'invalid' as const;
  constructor() {
    super('names no SN2007 division (e.g. 41.200 for construction of buildings)', 'naceCode');
  }
}

export class PersonalDataNotConfirmed extends DomainError {
  readonly code = 'NOTE.PERSONAL_DATA_NOT_CONFIRMED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('a note needs noPersonalData: true, confirming it holds no personal data', 'noPersonalData');
  }
}

/** The message never quotes the note: the number may be someone's fødselsnummer. */
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
  // The id is not repeated: answers never echo what a caller typed into a path (issue 12).
  constructor(readonly needId: string) {
    super('No such recruitment need at this office');
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

/** Invalid (400) like the other time rules: the date is wrong whatever state the need is in. */
export class ClosedBeforeRegistered extends DomainError {
  readonly code = 'OCCURRED_AT.BEFORE_REGISTRATION';
  readonly kind = 'invalid' as const;
  constructor() {
    super('cannot lie before the need was registered', 'occurredAt');
  }
}

export class InquiryNotFound extends DomainError {
  readonly code = 'INQUIRY.NOT_FOUND';
  readonly kind = 'not_found' as const;
  constructor(inquiryId: string) {
    super(`No inquiry ${inquiryId} at this office`);
  }
}

export class InquiryAlreadyRegistered extends DomainError {
  readonly code = 'INQUIRY.ALREADY_REGISTERED';
  readonly kind = 'conflict' as const;
  constructor(inquiryId: string) {
    super(`Inquiry ${inquiryId} is registered already`);
  }
}

export class InquiryAlreadyClosed extends DomainError {
  readonly code = 'INQUIRY.ALREADY_CLOSED';
  readonly kind = 'conflict' as const;
  constructor(inquiryId: string) {
    super(`Inquiry ${inquiryId} is closed already`);
  }
}

export class InquiryOfAnotherEmployer extends DomainError {
  readonly code = 'INQUIRY.OTHER_EMPLOYER';
  readonly kind = 'invalid' as const;
  constructor(inquiryId: string) {
    super(`Inquiry ${inquiryId} came from another employer than the one contacted`, 'inquiryId');
  }
}

export class BeforeInquiryReceived extends DomainError {
  readonly code = 'OCCURRED_AT.BEFORE_INQUIRY_RECEIVED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('cannot lie before the inquiry was received', 'occurredAt');
  }
}

export class ClosingNoteRequired extends DomainError {
  readonly code = 'INQUIRY.CLOSING_NOTE_REQUIRED';
  readonly kind = 'invalid' as const;
  constructor() {
    super('closing reason OTHER needs a note saying why (with no personal data)', 'note');
  }
}

export class ServiceNotInTheme extends DomainError {
  readonly code = 'SERVICE.NOT_IN_THEME';
  readonly kind = 'invalid' as const;
  constructor(service: string, theme: string) {
    super(`service ${service} does not belong to theme ${theme}`, 'service');
  }
}

export class EmployerContactNotFound extends DomainError {
  readonly code = 'EMPLOYER_CONTACT.NOT_FOUND';
  readonly kind = 'not_found' as const;
  constructor(contactId: string) {
    super(`No employer contact ${contactId} with this employer at this office`);
  }
}

export { AlreadyCorrected, NotCorrectable } from '../shared/errors/correction.errors.js';
