import { DomainError } from './domain-error.js';

/** The same `Idempotency-Key` came back with another request (422). */
export class IdempotencyKeyReused extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY.REUSED';
  readonly kind = 'unprocessable' as const;
  constructor(key: string) {
    super(`Idempotency-Key ${JSON.stringify(key)} was first used with another request`);
  }
}
