import { DomainError } from '../errors/domain-error.js';

/**
 * The live table still holds the docs of an older version of the view while the deployed one
 * rebuilds from the log (503 with Retry-After): read with this code, they could answer wrongly
 * (an ordered read of sort keys the older docs lack finds nothing), and they no longer move.
 */
export class ViewRebuilding extends DomainError {
  readonly code = 'VIEW.REBUILDING';
  readonly kind = 'unavailable' as const;
  constructor(view: string, liveVersion: number, version: number) {
    super(`The ${view} view is being rebuilt from version ${liveVersion} to ${version}; retry shortly`);
  }
}
