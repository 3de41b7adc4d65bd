import type { Caller } from '../src/auth/caller.js';

/** Valid-looking test data: org numbers with correct mod-11 digits, real-format personal ids. */
export const ORG = { builder: '974760673', nav: '889640782', shop: '812345672' } as const;

/** Synthetic fødselsnummer with valid check digits (13 Sep 1972); not a real person's. */
export const PERSON_ID = '13097248022';

export const advisor = (office = '0314', navIdent = 'Z123456'): Caller => ({ navIdent, roles: ['advisor'], offices: [office] });
export const manager = (office = '0314'): Caller => ({ navIdent: 'M123456', roles: ['manager'], offices: [office] });
export const auditor = (): Caller => ({ navIdent: 'A123456', roles: ['auditor'], offices: [] });

export const recently = (minutesAgo = 60): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/**
 * Tokens for a two-office scenario (0314 and 5001): an advisor of each office, keyed by office
 * number, a manager of both and an auditor.
 */
export async function twoOfficeTokens(tokenFor: (caller: Caller) => Promise<string>): Promise<Record<string, string>> {
  return {
    '0314': await tokenFor(advisor('0314', 'Z100001')),
    '5001': await tokenFor(advisor('5001', 'Z500001')),
    manager: await tokenFor({ ...manager('0314'), offices: ['0314', '5001'] }),
    auditor: await tokenFor(auditor()),
  };
}
