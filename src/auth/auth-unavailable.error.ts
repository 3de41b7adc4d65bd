import { DomainError } from '../shared/domain-error.js';

/**
 * The caller's identity or offices could not be settled because a dependency (Microsoft Graph,
 * the issuer's key set) did not answer in time: 503 with Retry-After, never a wider access and
 * never a 401 that would tell a valid caller their token is bad.
 */
export class AuthUnavailable extends DomainError {
  readonly code = 'AUTH.UNAVAILABLE';
  readonly kind = 'unavailable' as const;
}
