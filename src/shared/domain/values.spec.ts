import { isValidOrgNumber } from './org-number.js';
import { naceSection } from './nace.js';
import { isValidPersonalId, pseudonymiseClient } from './personal-id.js';
import { mayHoldPersonalId } from './note.js';
import { isTooFarInTheFuture } from './time.js';

describe('domain values', () => {
  it('accepts organisation numbers whose mod-11 check digit is right', () => {
    expect(isValidOrgNumber('974760673')).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNumber('889640782')).toBe(true); // NAV
  });

  it('refuses a wrong check digit, a remainder of 10, and anything not 9 digits', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('123456785')).toBe(true);
    expect(isValidOrgNumber('123456700')).toBe(false); // remainder 1: check digit would be 10
    expect(isValidOrgNumber('97476067')).toBe(false);
    expect(isValidOrgNumber('97476067a')).toBe(false);
  });

  it('maps SN2007 codes to their section letter', () => {
    expect(naceSection('41.200')).toBe('F');
    expect(naceSection('01.1')).toBe('A');
    expect(naceSection('86')).toBe('Q');
    expect(naceSection('99.000')).toBe('U');
    expect(naceSection('04.1')).toBeUndefined();
    expect(naceSection('x')).toBeUndefined();
  });

  it('validates personal id numbers and pseudonymises them with a keyed hash', () => {
    expect(isValidPersonalId('13097248022')).toBe(true);
    expect(isValidPersonalId('13097248023')).toBe(false);
    const ref = pseudonymiseClient('13097248022', 'secret-a');
    expect(ref).toMatch(/^[0-9a-f]{64}$/);
    expect(ref).not.toContain('13097248022');
    expect(pseudonymiseClient('13097248022', 'secret-a')).toBe(ref);
    expect(pseudonymiseClient('13097248022', 'secret-b')).not.toBe(ref);
  });

  it('spots 11-digit numbers in free text, also when spaced', () => {
    expect(mayHoldPersonalId('ring 13097248022 i morgen')).toBe(true);
    expect(mayHoldPersonalId('130972 48022')).toBe(true);
    expect(mayHoldPersonalId('tlf 22 33 44 55, 3 stillinger')).toBe(false);
  });

  it('allows five minutes of clock skew into the future, no more', () => {
    const now = '2026-05-01T12:00:00.000Z';
    expect(isTooFarInTheFuture('2026-05-01T12:05:00.000Z', now)).toBe(false);
    expect(isTooFarInTheFuture('2026-05-01T12:05:01.000Z', now)).toBe(true);
    expect(isTooFarInTheFuture('2020-01-01T00:00:00.000Z', now)).toBe(false);
  });
});
