import { refusalOf } from './access-refusal.js';
import type { Caller, Role } from './caller.js';

const caller = (roles: Role[], offices: string[]): Caller => ({ navIdent: 'Z123456', roles, offices });
const commands = { roles: ['advisor'] as Role[], office: 'param' as const };
const views = { roles: ['manager', 'auditor'] as Role[], office: 'param' as const };
const admin = { roles: ['admin'] as Role[] };

describe('who may use a route', () => {
  it('lets an advisor send commands to an office they work at', () => {
    expect(refusalOf(commands, caller(['advisor'], ['0314', '5001']), '5001')).toBeUndefined();
  });

  it('refuses an advisor at another office', () => {
    expect(refusalOf(commands, caller(['advisor'], ['0314']), '5001')).toBe('not a member of office 5001');
  });

  it('refuses a caller without any of the roles', () => {
    expect(refusalOf(commands, caller(['manager'], ['0314']), '0314')).toBe('needs one of the roles advisor');
  });

  it('lets an auditor read every office, members or not', () => {
    expect(refusalOf(views, caller(['auditor'], []), '5001')).toBeUndefined();
  });

  it('does not let the auditor role lift the office check on a route that auditors are not named on', () => {
    expect(refusalOf(commands, caller(['advisor', 'auditor'], ['0314']), '5001')).toBe('not a member of office 5001');
  });

  it('holds a manager to their own offices', () => {
    expect(refusalOf(views, caller(['manager'], ['0314']), '0314')).toBeUndefined();
    expect(refusalOf(views, caller(['manager'], ['0314']), '5001')).toBe('not a member of office 5001');
  });

  it('refuses an office route that has no office in its path', () => {
    expect(refusalOf(views, caller(['manager'], ['0314']), undefined)).toBe('not a member of office (none)');
  });

  it('lets an admin use an admin route whatever their offices', () => {
    expect(refusalOf(admin, caller(['admin'], []), undefined)).toBeUndefined();
    expect(refusalOf(admin, caller(['manager', 'auditor'], []), undefined)).toBe('needs one of the roles admin');
  });

  it('refuses everyone on a route without a rule', () => {
    expect(refusalOf(undefined, caller(['admin', 'auditor'], ['0314']), '0314')).toBe('this route is not open to anyone');
  });
});
