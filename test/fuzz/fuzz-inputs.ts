import fc from 'fast-check';

/** What a field takes; each kind has values the contract refuses. */
export type Kind = 'org' | 'time' | 'window' | 'date' | 'enum' | 'int' | 'text' | 'bool' | 'personId' | 'clientRef' | 'office' | 'month' | 'position' | 'cursor';

let deep: unknown = 1;
for (let i = 0; i < 40; i++) deep = { a: deep };

/** Refused wherever a value goes: wrong types, deep nesting, huge arrays, NUL and a lone surrogate. */
const ANYWHERE: unknown[] = [null, deep, Array.from({ length: 2000 }, (_, i) => i), 'x\u0000y', 'a\uD800b', '\uDC00', { nested: { value: 1 } }];

/** `FUTURE` is replaced at request time by a time an hour ahead. */
export const FUTURE = '<future>';

const BAD: Record<Kind, unknown[]> = {
  org: ['974760674', '123456785', '000000000', '712345675', '97476067', 974760673, 'abcdefghi', ''],
  time: ['yesterday', '0999-06-15T12:00:00+00:00', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1999-12-31T23:59:59Z', FUTURE,
    '2026-02-30T10:00:00Z', '2026-05-01T10:00:00', 20260501, '2026-05-01'],
  window: ['yesterday', '0999-06-15T12:00:00+00:00', '0000-01-01', '9999-12-31', '2100-01-01', '1999-12-31T23:59:59Z', '2026-02-30T10:00:00Z', '2026-05-01T10:00:00'],
  date: ['0000-01-01', '9999-12-31', '1999-12-31', '2026-13-01', '20260101', 5, '2026-02-30'],
  enum: ['NOPE', 'phone', 3, '', true],
  int: [-1, 0, 1.5, 1e21, '5', 10 ** 12, -(2 ** 60)],
  text: [5, {}, 'x'.repeat(3000), true],
  bool: ['true', 1, 'yes'],
  personId: ['13097248023', '1309724802', '130972480221', 13097248022, '00000000000', '1309724802x'],
  clientRef: ['g'.repeat(64), 'a'.repeat(63), 'A'.repeat(64), 42],
  office: ['314', 'abcd', 314, '03140'],
  month: ['0000-01', '9999-12', '1999-12', '2100-01', '2026-13', '2026-1', 'x'],
  position: ['-1', '1.5', 'x', '1e400', '99999999999999999999'],
  cursor: ['-1', 'x', '1234567890123456', '1.5'],
};

/** A refused value of a kind, or one refused by every kind (wrong type, nesting, NUL, a lone surrogate). */
export const badValue = (kind: Kind): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BAD[kind]) }, { weight: 1, arbitrary: fc.constantFrom(...ANYWHERE) });

/** A refused query value: query strings carry text (or repeated keys), so only text and arrays. */
export const badQueryValue = (kind: Kind): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BAD[kind].filter((v): v is string => typeof v === 'string' && v !== '')) },
    { weight: 1, arbitrary: fc.constantFrom(['2026-01', '2026-02'], 'x\u0000y') },
  );

/** Unknown names: plain ones (named in the answer) and ones a personal id number could hide in (not named). */
export const unknownName = fc.oneof(
  fc.stringMatching(/^[a-z]{3,12}$/).map((name) => ({ name: `x${name}`, shown: `x${name}` })),
  fc.constantFrom('13097248022', 'fnr13097248022', 'a-b').map((name) => ({ name, shown: '(unknown)' })),
);

export const resolve = (value: unknown): unknown => (value === FUTURE ? new Date(Date.now() + 3_600_000).toISOString() : value);
