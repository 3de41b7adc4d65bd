import { DomainError } from './domain-error.js';

export interface Violation {
  path: string;
  message: string;
}

/** Input that breaks the contract's shape: every violation at once (400). */
export class ValidationFailed extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(
    readonly violations: Violation[],
    /** A rule's own code (e.g. `OCCURRED_AT.IN_THE_FUTURE`) when it is the only problem; else VALIDATION.FAILED. */
    readonly code: string = 'VALIDATION.FAILED',
  ) {
    super(`${violations.length} problem${violations.length === 1 ? '' : 's'} with the input`);
  }
}
