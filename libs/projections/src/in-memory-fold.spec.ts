import { foldInMemory } from './fold-in-memory.js';
import { InMemoryFold } from './in-memory-fold.js';
import { countKey, countingProjection, sampleLog } from './testing/counting-projection.js';

const counts = countingProjection();
const events = sampleLog();

describe('InMemoryFold', () => {
  it('gives what foldInMemory gives, however the events are split into pages', () => {
    const whole = foldInMemory(counts, events);
    for (const size of [1, 2, 3, 5]) {
      const fold = new InMemoryFold(counts);
      for (let i = 0; i < events.length; i += size) fold.apply(events.slice(i, i + size));
      expect(fold.docs()).toEqual(whole);
      expect([...fold.docs().keys()]).toEqual([...whole.keys()]);
    }
  });

  it('counts an event repeated across pages once', () => {
    const fold = new InMemoryFold(counts).apply(events.slice(0, 3)).apply(events.slice(2));
    expect(fold.docs()).toEqual(foldInMemory(counts, events));
  });

  it('selects docs by key range, as loadDocs would', () => {
    const fold = new InMemoryFold(counts).apply(events);
    expect([...fold.docs({ prefix: countKey('5701') }).values()]).toEqual([{ office: '5701', events: 1, lastType: 'ContactRecorded' }]);
    expect(fold.docs({ keys: ['count|none'] }).size).toBe(0);
  });

  it('hands out copies: docs taken earlier do not change with later events', () => {
    const fold = new InMemoryFold(counts).apply(events.slice(0, 2));
    const early = fold.docs();
    fold.apply(events.slice(2));
    expect(early.get(countKey('0314'))).toEqual({ office: '0314', events: 2, lastType: 'CaseEnrolled' });
    expect(fold.docs().get(countKey('0314'))).toEqual({ office: '0314', events: 3, lastType: 'ContactRecorded' });
  });
});
