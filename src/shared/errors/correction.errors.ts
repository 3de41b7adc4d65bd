import { DomainError } from './domain-error.js';

/** A step can be declared registered in error once; the first correction stands. */
export class AlreadyCorrected extends DomainError {
  readonly code = 'CORRECTION.ALREADY_CORRECTED';
  readonly kind = 'conflict' as const;
  constructor(what: string) {
    super(`${what} is already corrected`);
  }
}

/** The target exists but takes no correction (a transfer, a correction, a case whose enrolment was corrected). */
export class NotCorrectable extends DomainError {
  readonly code = 'CORRECTION.NOT_CORRECTABLE';
  readonly kind = 'conflict' as const;
  constructor(why: string) {
    super(why);
  }
}
