/**
 * Every rule the domain refuses is a DomainError with a stable `code` (e.g. `CASE.ALREADY_CLOSED`).
 * The HTTP layer maps `kind` to a status: one exception filter, no status codes in domain code.
 */
export type DomainErrorKind =
  /** the input itself is wrong (400) */
  | 'invalid'
  /** the case, need or employer does not exist (404) */
  | 'not_found'
  /** the command breaks a rule of the current state (409) */
  | 'conflict'
  /** an `If-Match` precondition does not hold (412) */
  | 'precondition_failed'
  /** a well-formed request the server will not process, e.g. a reused idempotency key (422) */
  | 'unprocessable'
  /** not now: e.g. a view that has not reached the asked position in time (503, Retry-After) */
  | 'unavailable';

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  /** Where in the command the problem is, for problem+json `errors[].path`. */
  readonly path?: string;

  constructor(message: string, path?: string) {
    super(message);
    this.name = new.target.name;
    this.path = path;
  }
}
