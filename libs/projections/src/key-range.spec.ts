import { inKeyRange, keyBounds, selectDocs } from './key-range.js';
import { compareKeys, sameJson } from './stored-json.js';

const docs = new Map(
  ['e|0314|2023-12', 'e|0314|2024-01', 'e|0314|2024-06', 'e|0314|2024-06|x', 'e|0314|2024-07', 'e|0315|2024-01'].map((k) => [k, k]),
);

describe('key ranges', () => {
  it('selects every key that starts with a prefix', () => {
    expect([...selectDocs(docs, { prefix: 'e|0314|2024' }).keys()]).toEqual([
      'e|0314|2024-01',
      'e|0314|2024-06',
      'e|0314|2024-06|x',
      'e|0314|2024-07',
    ]);
  });

  it('selects from..to with both ends inclusive and the keys under `to`', () => {
    expect([...selectDocs(docs, { from: 'e|0314|2024-01', to: 'e|0314|2024-06' }).keys()]).toEqual([
      'e|0314|2024-01',
      'e|0314|2024-06',
      'e|0314|2024-06|x',
    ]);
  });

  it('selects exact keys, and everything when no range is given', () => {
    expect([...selectDocs(docs, { keys: ['e|0315|2024-01', 'nope'] }).keys()]).toEqual(['e|0315|2024-01']);
    expect(selectDocs(docs).size).toBe(docs.size);
  });

  it('bounds a prefix by its last code point plus one, also past the BMP', () => {
    expect(keyBounds({ prefix: 'e|03' })).toEqual({ lower: 'e|03', upper: 'e|04' });
    expect(keyBounds({ prefix: 'a\u{10FFFF}' })).toEqual({ lower: 'a\u{10FFFF}', upper: 'b' });
    expect(keyBounds({ prefix: 'a\uD7FF' })).toEqual({ lower: 'a\uD7FF', upper: 'a\uE000' });
    expect(keyBounds({ prefix: '' })).toEqual({ lower: '', upper: undefined });
    expect(inKeyRange('a\u{1F600}', { prefix: 'a' })).toBe(true);
  });

  it('selects by a sort key the docs keep: in its order, bounded, past a cursor, at most a limit', () => {
    const ranked = new Map<string, { rank?: unknown }>([
      ['r|a', { rank: '0314|2|a' }],
      ['r|b', { rank: '0314|1|b' }],
      ['r|c', { rank: '0315|0|c' }],
      ['r|d', {}],
      ['r|e', { rank: 7 }],
      ['r|f', { rank: '0314|3|f' }],
    ]);
    const keys = (range: Parameters<typeof selectDocs>[1]) => [...selectDocs(ranked, range).keys()];
    expect(keys({ orderBy: 'rank' })).toEqual(['r|b', 'r|a', 'r|f', 'r|c']);
    expect(keys({ orderBy: 'rank', prefix: '0314|' })).toEqual(['r|b', 'r|a', 'r|f']);
    expect(keys({ orderBy: 'rank', prefix: '0314|', after: '0314|1|b', limit: 1 })).toEqual(['r|a']);
    expect(keys({ orderBy: 'rank', from: '0314|2', to: '0315' })).toEqual(['r|a', 'r|f', 'r|c']);
    expect(keys({ orderBy: 'rank', limit: 0 })).toEqual([]);
    expect(() => keys({ orderBy: "rank' OR true --" })).toThrow(/orderBy/);
  });

  it('orders keys by code point, as COLLATE "C" does', () => {
    expect(['b', 'a\uFFFF', 'a\u{1F600}', 'A', 'a'].sort(compareKeys)).toEqual(['A', 'a', 'a\uFFFF', 'a\u{1F600}', 'b']);
  });

  it('compares documents as JSON, whatever the order of their keys', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
  });
});
