import { DomainError } from './domain-error.js';

/** The caller's `If-Match` revision is not the stream's (412). */
export class RevisionMismatch extends DomainError {
  readonly code = 'REVISION.MISMATCH';
  readonly kind = 'precondition_failed' as const;
  constructor(
    readonly streamId: string,
    readonly expected: number,
    /** -1 when the stream has no events. */
    readonly actual: number,
  ) {
    super(`If-Match expected revision ${expected}, but it is ${actual < 0 ? 'not there' : actual}`);
  }
}
