import { DomainError } from '../errors/domain-error.js';

/** `asOfPosition` lies beyond the last position of the log: there is no such moment yet (400). */
export class AsOfBeyondHead extends DomainError {
  readonly code = 'VIEW.AS_OF_BEYOND_HEAD';
  readonly kind = 'invalid' as const;
  constructor(asOfPosition: number, head: number) {
    super(`asOfPosition ${asOfPosition} lies beyond the last position of the log (${head})`, 'asOfPosition');
  }
}

/** `asOf` lies in the future (beyond the clock-skew tolerance): a replay shows the past (400). */
export class AsOfInTheFuture extends DomainError {
  readonly code = 'VIEW.AS_OF_IN_THE_FUTURE';
  readonly kind = 'invalid' as const;
  constructor() {
    super('asOf lies in the future; a view can be replayed only as of a past moment', 'asOf');
  }
}

/** As many as-of replays as the server allows (`ASOF_REPLAYS_MAX`) are running: come back shortly (503, Retry-After). */
export class AsOfReplaysBusy extends DomainError {
  readonly code = 'VIEW.AS_OF_REPLAYS_BUSY';
  readonly kind = 'unavailable' as const;
  constructor(running: number) {
    super(`${running} as-of replays are running, as many as this server runs at once; retry shortly`);
  }
}
