import type { AccessRule } from './access.decorator.js';
import type { Caller } from './caller.js';

/** Why the caller may not use the route, or undefined when they may. */
export function refusalOf(rule: AccessRule | undefined, caller: Caller, officeNumber: string | undefined): string | undefined {
  if (!rule) return 'this route is not open to anyone';
  const granting = rule.roles.filter((role) => caller.roles.includes(role));
  if (granting.length === 0) return `needs one of the roles ${rule.roles.join(', ')}`;
  if (rule.office !== 'param' || granting.includes('auditor')) return undefined;
  if (!officeNumber || !caller.offices.includes(officeNumber)) return `not a member of office ${officeNumber ?? '(none)'}`;
  return undefined;
}
