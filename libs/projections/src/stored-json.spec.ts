import fc from 'fast-check';
import { compareKeys, sortByKey, toStoredJson } from './stored-json.js';

/** What `toStoredJson` stands for: a round trip through JSON text, each object's keys then put in jsonb's order. */
function roundTrip(doc: unknown): unknown {
  const text = JSON.stringify(doc);
  if (text === undefined) throw new TypeError('not a JSON value');
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const sorted: Record<string, unknown> = {};
    const keys = Object.keys(value).sort(
      (a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)),
    );
    for (const key of keys)
      Object.defineProperty(sorted, key, { value: (value as Record<string, unknown>)[key], enumerable: true, writable: true });
    return sorted;
  });
}

/** Equal values with the same key order: JSON text shows the order. */
const expectSameStoredJson = (doc: unknown) => expect(JSON.stringify(toStoredJson(doc))).toBe(JSON.stringify(roundTrip(doc)));

/** What evolve may leave in a doc besides JSON: what a round trip drops, changes or turns into null. */
const notQuiteJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue(),
    fc.constantFrom(undefined, NaN, Infinity, -Infinity, -0, () => 1, Symbol('s')),
    fc.date({ noInvalidDate: true }),
    fc.constantFrom(new Number(2), new String('boxed'), new Boolean(false)),
    tie('object'),
    tie('array'),
  ),
  object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 6 }),
  array: fc.array(tie('value'), { maxLength: 5 }),
}));

describe('documents in stored shape', () => {
  it('are what a round trip through JSON text gives, objects in jsonb key order', () => {
    fc.assert(
      fc.property(fc.oneof(notQuiteJson.object, notQuiteJson.array), (doc) => expectSameStoredJson(doc)),
      { numRuns: 500 },
    );
  });

  it('put shorter keys first, then by UTF-8 bytes, as jsonb does', () => {
    const stored = toStoredJson({ bb: 1, a: 2, é: 3, z: 4, '\u{1F600}': 5, ab: 6 });
    expect(Object.keys(stored)).toEqual(['a', 'z', 'ab', 'bb', 'é', '\u{1F600}']);
    // Records of many keys (counts by org number and by name) too.
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i % 2 ? `name${(i * 7) % 40}` : String(900000000 + i * 37), i]));
    expectSameStoredJson({ many, ...many });
  });

  it('keep each shape of doc its own key order, whatever characters its field names hold', () => {
    expect(Object.keys(toStoredJson({ 'a\0b': 1, c: 2 }))).toEqual(['c', 'a\0b']);
    expect(Object.keys(toStoredJson({ a: 1, 'b\0c': 2 }))).toEqual(['a', 'b\0c']);
    expect(Object.keys(toStoredJson({ 'a\0b': 1, c: 2 }))).toEqual(['c', 'a\0b']);
  });

  it('write what toJSON gives, holes and undefined in arrays as null, -0 as 0, and leave out undefined fields', () => {
    const withToJson = { toJSON: (key: string) => `asked as ${key}` };
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    const doc = { at: new Date('2026-01-02T03:04:05.000Z'), nested: { inner: withToJson }, list: [undefined, , -0, NaN], gone: undefined };
    expect(toStoredJson(doc)).toEqual({ at: '2026-01-02T03:04:05.000Z', list: [null, null, 0, null], nested: { inner: 'asked as inner' } });
    expect(Object.is((toStoredJson(doc) as { list: unknown[] }).list[2], 0)).toBe(true);
    expectSameStoredJson(doc);
  });

  it('refuses what JSON cannot hold: a circular doc, a BigInt, undefined itself', () => {
    const circular: Record<string, unknown> = { a: 1 };
    circular.self = { again: circular };
    expect(() => toStoredJson(circular)).toThrow(TypeError);
    expect(() => toStoredJson({ n: 1n })).toThrow(TypeError);
    expect(() => toStoredJson(undefined)).toThrow(TypeError);
    // The same object twice, side by side, is not a cycle.
    const shared = { x: 1 };
    expect(toStoredJson({ a: shared, b: [shared] })).toEqual({ a: { x: 1 }, b: [{ x: 1 }] });
  });

  it('gives copies: changing the doc afterwards does not change what was stored', () => {
    const doc = { months: [{ count: 1 }] };
    const stored = toStoredJson(doc);
    doc.months[0]!.count = 2;
    expect(stored).toEqual({ months: [{ count: 1 }] });
  });
});

describe('sorting by key', () => {
  it('orders entries as compareKeys does (COLLATE "C"), with or without characters beyond the BMP', () => {
    const key = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('a\uFFFF', 'a\u{1F600}', 'b'));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 30 }), (keys) => {
        const entries = keys.map((k, i) => [k, i] as const);
        expect(sortByKey([...entries]).map(([k]) => k)).toEqual([...keys].sort(compareKeys));
      }),
      { numRuns: 300 },
    );
    expect(
      sortByKey([
        ['a\u{1F600}', 1],
        ['a\uFFFF', 2],
      ]).map(([k]) => k),
    ).toEqual(['a\uFFFF', 'a\u{1F600}']);
  });
});
