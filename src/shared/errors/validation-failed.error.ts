import { DomainError } from './domain-error.js';

export interface Violation {
  path: string;
  message: string;
}

/** Input that breaks the contract's shape: every violation at once (400). */
export class ValidationFailed extends DomainError {
  readonly code = 'VALIDATION.FAILED';
  readonly kind = 'invalid' as const;
  constructor(readonly violations: Violation[]) {
    super(`${violations.length} problem${violations.length === 1 ? '' : 's'} with the input`);
  }
}
