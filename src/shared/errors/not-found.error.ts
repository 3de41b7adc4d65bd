import { DomainError } from './domain-error.js';

export class NotFoundDomainError extends DomainError {
  readonly code = 'RESOURCE.NOT_FOUND';
  readonly kind = 'not_found' as const;
}
