import { defaultFollowUpMode, MEASURE_CODES } from './codes.js';
import { naceSection } from './nace.js';
import { isNavIdent } from './nav-ident.js';
import { mayHoldPersonalId } from './note.js';
import { isOfficeNumber } from './office-number.js';
import { isValidOrgNumber } from './org-number.js';
import { isClientRef, isValidPersonalId, pseudonymiseClient } from './personal-id.js';
import { assertOccurredAt, assertStartDate, isBefore, isTooFarInTheFuture, latest } from './time.js';
import { InvalidOccurredAt, OccurredInTheFuture, OccurredTooEarly, StartDateOutOfRange } from './value.errors.js';

describe('organisation numbers', () => {
  it('accepts numbers whose mod-11 check digit is right', () => {
    expect(isValidOrgNumber('974760673')).toBe(true); // Brønnøysundregistrene
    expect(isValidOrgNumber('889640782')).toBe(true); // NAV
    expect(isValidOrgNumber('812345672')).toBe(true);
    expect(isValidOrgNumber('987654325')).toBe(true);
  });

  it('refuses numbers the register never issues: all zeros, and any first digit but 8 or 9', () => {
    expect(isValidOrgNumber('000000000')).toBe(false); // passes mod-11
    expect(isValidOrgNumber('123456785')).toBe(false); // passes mod-11
    expect(isValidOrgNumber('712345675')).toBe(false); // passes mod-11
  });

  it('refuses a wrong check digit, a remainder giving 10, and anything not 9 digits', () => {
    expect(isValidOrgNumber('974760674')).toBe(false);
    expect(isValidOrgNumber('123456700')).toBe(false); // the check digit would have to be 10
    expect(isValidOrgNumber('97476067')).toBe(false);
    expect(isValidOrgNumber('9747606730')).toBe(false);
    expect(isValidOrgNumber('97476067a')).toBe(false);
  });
});

describe('NAV-idents and office numbers', () => {
  it('accepts one capital letter and six digits as a NAV-ident, nothing else', () => {
    expect(isNavIdent('Z123456')).toBe(true);
    expect(['z123456', 'Z12345', 'Z1234567', 'ZZ23456', ' Z123456'].filter(isNavIdent)).toEqual([]);
  });

  it('accepts four digits as an office number, leading zero included', () => {
    expect(isOfficeNumber('0314')).toBe(true);
    expect(['314', '03140', '03a4', ''].filter(isOfficeNumber)).toEqual([]);
  });
});

describe('NACE sections', () => {
  it.each([
    ['01.1', 'A'], ['03', 'A'], ['05.100', 'B'], ['33.12', 'C'], ['35', 'D'], ['39', 'E'], ['41.200', 'F'], ['47.11', 'G'],
    ['53', 'H'], ['56.1', 'I'], ['62.010', 'J'], ['66', 'K'], ['68.2', 'L'], ['75', 'M'], ['82.9', 'N'], ['84.1', 'O'],
    ['85', 'P'], ['86', 'Q'], ['88.991', 'Q'], ['93.1', 'R'], ['96', 'S'], ['97', 'T'], ['98.1', 'T'], ['99.000', 'U'],
  ])('maps %s to section %s', (code, section) => {
    expect(naceSection(code)).toBe(section);
  });

  it.each(['00', '04.1', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89', 'x', '4', '41.2000', '41,2'])(
    'finds no section for %s',
    (code) => {
      expect(naceSection(code)).toBeUndefined();
    },
  );
});

describe('notes', () => {
  it('spots an 11-digit number anywhere, also inside a longer run or written 6 + 5', () => {
    expect(['ring 13097248022 i morgen', 'ref12345678901234', '130972 48022', '130972.48022', '130972-48022'].filter(mayHoldPersonalId))
      .toHaveLength(5);
  });

  it('leaves phone numbers, org numbers, counts and dates alone', () => {
    expect(['tlf 22 33 44 55', 'org 974760673 12 stillinger', '+47 22334455', '1234567890', '2026-05-01'].filter(mayHoldPersonalId))
      .toEqual([]);
  });
});

describe('personal id numbers and clientRefs', () => {
  it('accepts valid fødselsnummer and D-numbers', () => {
    expect(isValidPersonalId('13097248022')).toBe(true);
    expect(isValidPersonalId('53097248016')).toBe(true); // D-number
  });

  it('refuses wrong check digits, impossible dates and anything not 11 digits', () => {
    expect(['13097248023', '31029948022', '1309724802', '130972480221', '1309724802a'].filter(isValidPersonalId)).toEqual([]);
  });

  it('pseudonymises with a keyed hash: stable per secret, different across secrets, never the number', () => {
    const ref = pseudonymiseClient('13097248022', 'secret-a');
    expect(isClientRef(ref)).toBe(true);
    expect(ref).not.toContain('13097248022');
    expect(pseudonymiseClient('13097248022', 'secret-a')).toBe(ref);
    expect(pseudonymiseClient('13097248022', 'secret-b')).not.toBe(ref);
    expect(pseudonymiseClient('13097248023', 'secret-a')).not.toBe(ref);
  });

  it('refuses to pseudonymise without a secret', () => {
    expect(() => pseudonymiseClient('13097248022', '')).toThrow('secret');
  });

  it('takes only 64 lowercase hex digits as a clientRef', () => {
    expect(['13097248022', 'A'.repeat(64), 'a'.repeat(63), 'g'.repeat(64)].filter(isClientRef)).toEqual([]);
  });
});

describe('occurredAt', () => {
  const now = '2026-05-01T12:00:00.000Z';

  it('allows five minutes of clock skew into the future and any time in the past', () => {
    expect(isTooFarInTheFuture('2026-05-01T12:05:00.000Z', now)).toBe(false);
    expect(isTooFarInTheFuture('2026-05-01T14:05:00+02:00', now)).toBe(false);
    expect(isTooFarInTheFuture('2020-01-01T00:00:00.000Z', now)).toBe(false);
    expect(() => assertOccurredAt('2026-05-01T12:05:00.000Z', now)).not.toThrow();
  });

  it('refuses more than five minutes ahead, and a time that is no time', () => {
    expect(isTooFarInTheFuture('2026-05-01T12:05:01.000Z', now)).toBe(true);
    expect(() => assertOccurredAt('2026-05-01T12:05:01.000Z', now)).toThrow(OccurredInTheFuture);
    expect(() => assertOccurredAt('soon', now)).toThrow(InvalidOccurredAt);
  });

  it('refuses a time before 2000-01-01T00:00:00Z, however it is written (the year-0999 contact of issue 12)', () => {
    expect(() => assertOccurredAt('2000-01-01T00:00:00Z', now)).not.toThrow();
    expect(() => assertOccurredAt('2000-01-01T00:59:59+01:00', now)).toThrow(OccurredTooEarly);
    expect(() => assertOccurredAt('0999-06-15T12:00:00+00:00', now)).toThrow(OccurredTooEarly);
    expect(() => assertOccurredAt('0001-01-01T00:00:00Z', now)).toThrow(OccurredTooEarly);
  });

  it('takes a placement start date from 2000-01-01 to a year after now', () => {
    expect(() => assertStartDate('2000-01-01', now)).not.toThrow();
    expect(() => assertStartDate('2027-05-01', now)).not.toThrow();
    for (const date of ['1999-12-31', '0999-06-15', '2027-05-03', '9999-12-31', '2026-02-30x']) {
      expect(() => assertStartDate(date, now)).toThrow(StartDateOutOfRange);
    }
  });

  it('compares instants, not their spelling', () => {
    expect(isBefore('2026-01-10T10:30:00+02:00', '2026-01-10T09:00:00Z')).toBe(true);
    expect(latest('2026-01-10T10:30:00+02:00', '2026-01-10T09:00:00Z')).toBe('2026-01-10T09:00:00Z');
    expect(latest('2026-01-10T10:30:00Z', undefined)).toBe('2026-01-10T10:30:00Z');
  });
});

describe('measures', () => {
  it('suggests external follow-up for provider-run measures and in-house for the rest', () => {
    expect(defaultFollowUpMode('INDOPPFAG')).toBe('EXTERNAL');
    expect(defaultFollowUpMode('INDJOBSTOT')).toBe('IN_HOUSE');
    expect(MEASURE_CODES).toHaveLength(16);
  });
});
