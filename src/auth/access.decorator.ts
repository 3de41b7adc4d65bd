import { SetMetadata } from '@nestjs/common';
import type { Role } from './caller.js';

export interface AccessRule {
  /** The caller needs one of these roles. */
  roles: Role[];
  /**
   * `param`: the route's `officeNumber` must be one of the caller's offices, unless the role
   * that grants access is auditor (national view).
   */
  office?: 'param';
}

export const ACCESS_RULE = 'access-rule';
export const PUBLIC_ROUTE = 'public-route';

/** Who may call a route. Routes with neither @Access nor @Public are refused to everyone. */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

/** No token needed (health, the dev token route). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
