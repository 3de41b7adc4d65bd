import { DomainError } from '../errors/domain-error.js';

/**
 * As many commands as this instance runs at once (`COMMANDS_IN_FLIGHT_MAX`) are running: this one
 * recorded nothing; send it again shortly (503, Retry-After).
 */
export class CommandsBusy extends DomainError {
  readonly code = 'COMMANDS.BUSY';
  readonly kind = 'unavailable' as const;
  constructor(running: number) {
    super(`${running} commands are running, as many as this server runs at once; nothing was recorded, send it again shortly`);
  }
}
