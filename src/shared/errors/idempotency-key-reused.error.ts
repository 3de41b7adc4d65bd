import { DomainError } from './domain-error.js';

/** The same `Idempotency-Key` came back with another request (422). */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY.REUSED';
  readonly kind = 'unprocessable' as const;
  // The key is the caller's free text, so it is not repeated.
  constructor(readonly key: string) {
    super('This Idempotency-Key was first used with another request');
  }
}
