import { DocCache } from './doc-cache.js';

describe('DocCache', () => {
  it('answers a miss as an absent row only while it holds the whole table', () => {
    const fromEmpty = new DocCache(10_000, true);
    expect(fromEmpty.get('a')).toEqual({ json: undefined, lastPosition: -1 });
    expect(new DocCache(10_000, false).get('a')).toBeUndefined();
  });

  it('gives back what was committed, and remembers rows the table does not have', () => {
    const cache = new DocCache(10_000, false);
    cache.set('a', '{"n":1}', 7);
    cache.set('b', undefined, -1);
    expect(cache.get('a')).toEqual({ json: '{"n":1}', lastPosition: 7 });
    expect(cache.get('b')).toEqual({ json: undefined, lastPosition: -1 });
  });

  it('lets the least recently committed rows go to fit its bound, and then knows it no longer holds the table', () => {
    const cache = new DocCache(450, true);
    cache.set('a', 'x'.repeat(100), 1);
    cache.set('b', 'y'.repeat(100), 2);
    cache.set('a', 'x'.repeat(100), 3);
    cache.set('c', 'z'.repeat(100), 4);
    cache.evict();
    expect(cache.bytes).toBeLessThanOrEqual(450);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ json: 'x'.repeat(100), lastPosition: 3 });
    expect(cache.get('c')?.lastPosition).toBe(4);
    expect(cache.get('never')).toBeUndefined();
  });
});
