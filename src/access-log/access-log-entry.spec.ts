import type { AccessDecision } from '../auth/access-decision.js';
import { entryOf, isLogged } from './access-log-entry.js';

const decision = (overrides: Partial<AccessDecision> = {}): AccessDecision => ({
  allowed: true,
  navIdent: 'M123456',
  roles: ['manager'],
  officeNumber: '0314',
  method: 'GET',
  route: '/api/v1/offices/:officeNumber/history',
  clientLevel: true,
  reason: 'allowed',
  correlationId: 'corr-1',
  ...overrides,
});

describe('access log entries', () => {
  it('logs every refusal, and of allowed requests only client-level reads', () => {
    expect(isLogged(decision())).toBe(true);
    expect(isLogged(decision({ allowed: false, clientLevel: false }))).toBe(true);
    expect(isLogged(decision({ clientLevel: false }))).toBe(false);
  });

  it('does not log a request with no verifiable identity (401), on any route', () => {
    expect(isLogged(decision({ allowed: false, navIdent: undefined, roles: [], reason: 'no bearer token' }))).toBe(false);
    const badToken = decision({ allowed: false, navIdent: undefined, roles: [], clientLevel: false, reason: 'invalid token: x' });
    expect(isLogged(badToken)).toBe(false);
  });

  it('keeps who, roles, office, route, outcome, reason and correlation id', () => {
    expect(entryOf(decision())).toEqual({
      navIdent: 'M123456',
      roles: ['manager'],
      officeNumber: '0314',
      method: 'GET',
      route: '/api/v1/offices/:officeNumber/history',
      allowed: true,
      reason: 'allowed',
      correlationId: 'corr-1',
    });
    expect(entryOf(decision({ navIdent: undefined, roles: [], officeNumber: undefined, correlationId: undefined }))).toMatchObject({
      navIdent: null,
      roles: [],
      officeNumber: null,
      correlationId: null,
    });
  });

  it('never keeps a personal id number, whichever field it arrives in', () => {
    const entry = entryOf(
      decision({
        officeNumber: '13097248022',
        route: '/api/v1/offices/13097248022/history',
        reason: 'not a member of office 13097248022',
        correlationId: 'x13097248022',
      }),
    );
    expect(JSON.stringify(entry)).not.toMatch(/\d{11}/);
    expect(entry).toMatchObject({ officeNumber: null, correlationId: null, reason: 'not a member of office [redacted]' });
  });

  it('drops a correlation id that is not a plain token', () => {
    expect(entryOf(decision({ correlationId: 'a b' })).correlationId).toBeNull();
    expect(entryOf(decision({ correlationId: 'x'.repeat(101) })).correlationId).toBeNull();
  });
});
