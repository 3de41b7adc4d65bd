import { DomainError } from '../shared/errors/domain-error.js';

/** Only admins reach the erasure route, so only they learn whether a person had a subject. */
export class ClientNotFound extends DomainError {
  readonly code = 'CLIENT.NOT_FOUND';
  readonly kind = 'not_found' as const;
  constructor() {
    super('No client with this personal id number is linked to a subject (never enrolled, or erased already)');
  }
}
