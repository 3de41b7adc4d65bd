import { SetMetadata } from '@nestjs/common';

export const CLIENT_LEVEL = 'client-level-route';

/**
 * The route answers with client-level data (pseudonymised cases, event history): every allowed
 * read of it is written to the access log (sporingslogg), not only refusals. A flag on the route
 * rather than a list elsewhere, so a new route of that kind says so where it is declared.
 */
export const ClientLevel = () => SetMetadata(CLIENT_LEVEL, true);
