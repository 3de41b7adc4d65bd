import { DomainError } from '../errors/domain-error.js';

/** `minPosition` was not reached within the wait (503 with Retry-After). */
export class ViewNotReady extends DomainError {
  readonly code = 'VIEW.NOT_READY';
  readonly kind = 'unavailable' as const;
  constructor(view: string, minPosition: number) {
    super(`The ${view} view has not reached position ${minPosition} yet; retry shortly`);
  }
}
