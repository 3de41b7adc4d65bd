import { foldInMemory, InMemoryFold } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import { ProjectionEventFailed } from './projection.errors.js';
import { countKey, countingProjection, directCounts, sampleLog, type Count } from './testing/counting-projection.js';
import { recordedEvent } from './testing/recorded-event.js';

const counts = countingProjection();
const events = sampleLog();

describe('foldInMemory', () => {
  it('counts each event of its types once, as a direct count does', () => {
    const docs = foldInMemory(counts, events);
    expect(new Map([...docs].map(([key, doc]) => [key, doc.events]))).toEqual(directCounts(events));
  });

  it('changes nothing when the same event comes again', () => {
    const once = foldInMemory(counts, events);
    const twice = foldInMemory(counts, [...events.slice(0, 3), events[2]!, events[1]!, ...events.slice(3), events[4]!]);
    expect(twice).toEqual(once);
  });

  it('skips an event older than what a row it names already holds', () => {
    const docs = foldInMemory(counts, [recordedEvent(5, 'ContactRecorded'), recordedEvent(3, 'CaseEnrolled')]);
    expect(docs.get(countKey('0314'))).toEqual({ office: '0314', events: 1, lastType: 'ContactRecorded' });
  });

  it('never passes events of other types to keysOf or evolve', () => {
    const seen: string[] = [];
    const spy = countingProjection({ keysOf: (event) => (seen.push(event.type), counts.keysOf(event)) });
    foldInMemory(spy, events);
    expect(seen).toEqual(['ContactRecorded', 'CaseEnrolled', 'ContactRecorded', 'ContactRecorded']);
  });

  it('refuses a key that keysOf did not name, so the runner can prefetch every row', () => {
    const sneaky = countingProjection({ evolve: (rows) => rows.set('count|elsewhere', { office: 'x', events: 1, lastType: '' }) });
    expect(() => foldInMemory(sneaky, events)).toThrow(/evolve used key "count\|elsewhere", which keysOf did not name/);
  });

  it('reports the position and type of the event whose evolve threw', () => {
    const failing = countingProjection({
      evolve: (_rows, event) => {
        if (event.position === 4) throw new Error('no office 5701');
      },
    });
    const failure = catchFailure(() => foldInMemory(failing, events));
    expect(failure).toMatchObject({ projection: 'event_counts', position: 4, eventType: 'ContactRecorded' });
    expect(failure.message).toContain('no office 5701');
  });

  it('with onParked, parks a failing event whole, takes back what it changed in place, and goes on (issue 12)', () => {
    const changesThenThrows = countingProjection({
      evolve: (rows, event) => {
        const key = countKey('0314');
        const doc = rows.get(key) ?? { office: '0314', events: 0, lastType: '' };
        doc.events += 1;
        rows.set(key, doc);
        rows.delete(key);
        if (event.position === 2) throw new Error('cannot count 2');
        rows.set(key, doc);
      },
    });
    const log = [recordedEvent(1, 'ContactRecorded'), recordedEvent(2, 'CaseEnrolled'), recordedEvent(3, 'ContactRecorded')];
    const parked: ProjectionEventFailed[] = [];
    const docs = foldInMemory(changesThenThrows, log, { onParked: (failure) => parked.push(failure) });
    expect(docs.get(countKey('0314'))?.events).toBe(2);
    expect(parked.map((f) => [f.position, f.eventType, f.keys])).toEqual([[2, 'CaseEnrolled', [countKey('0314')]]]);
    expect(
      foldInMemory(
        changesThenThrows,
        log.filter((e) => e.position !== 2),
      ),
    ).toEqual(docs);
  });

  it('with onParked, parks an event whose keysOf throws or whose evolve uses a key not named', () => {
    const badKeys = countingProjection({ keysOf: (event) => (event.position === 4 ? [''] : counts.keysOf(event)) });
    const sneaky = countingProjection({
      evolve: (rows, event) =>
        event.position === 1 ? rows.set('count|elsewhere', { office: 'x', events: 1, lastType: '' }) : counts.evolve(rows, event),
    });
    for (const [projection, position] of [
      [badKeys, 4],
      [sneaky, 1],
    ] as const) {
      const parked: number[] = [];
      const docs = foldInMemory(projection, events, { onParked: (failure) => parked.push(failure.position) });
      expect(parked).toEqual([position]);
      expect(docs).toEqual(
        foldInMemory(
          counts,
          events.filter((e) => e.position !== position),
        ),
      );
    }
  });

  it('keeps a doc changed in place after get, as the runner stores it', () => {
    const inPlace = countingProjection({
      evolve: (rows, event) => {
        const key = countKey('0314');
        const doc = rows.get(key);
        if (doc) doc.events += 1;
        else rows.set(key, { office: '0314', events: 1, lastType: event.type });
      },
    });
    const docs = foldInMemory(inPlace, [recordedEvent(1, 'ContactRecorded'), recordedEvent(2, 'ContactRecorded')]);
    expect(docs.get(countKey('0314'))?.events).toBe(2);
  });

  it('deletes rows, and a repeated event does not bring a deleted row back', () => {
    const closing: Projection<{ open: true }> = {
      name: 'open_cases',
      version: 1,
      eventTypes: ['CaseEnrolled', 'CaseClosed'],
      keysOf: (event) => [`case|${(event.data as { caseId: string }).caseId}`],
      evolve: (rows, event) => {
        const key = `case|${(event.data as { caseId: string }).caseId}`;
        if (event.type === 'CaseEnrolled') rows.set(key, { open: true });
        else rows.delete(key);
      },
    };
    const enrolA = recordedEvent(1, 'CaseEnrolled', '0314', { caseId: 'a' });
    const enrolB = recordedEvent(2, 'CaseEnrolled', '0314', { caseId: 'b' });
    const closeA = recordedEvent(3, 'CaseClosed', '0314', { caseId: 'a' });
    const docs = foldInMemory(closing, [enrolA, enrolB, closeA, enrolA]);
    expect([...docs.keys()]).toEqual(['case|b']);
  });

  it('gives docs as the table would: keys in order, object keys in jsonb order, undefined dropped', () => {
    const shaped: Projection<Record<string, unknown>> = {
      name: 'shaped',
      version: 1,
      eventTypes: ['ContactRecorded'],
      keysOf: (event) => [`k|${event.position}`],
      evolve: (rows, event) => rows.set(`k|${event.position}`, { zebra: 1, ant: 2, gone: undefined, at: new Date(0) }),
    };
    const docs = foldInMemory(shaped, [recordedEvent(10, 'ContactRecorded'), recordedEvent(9, 'ContactRecorded')]);
    expect([...docs.keys()]).toEqual(['k|10', 'k|9']);
    expect(Object.keys(docs.get('k|9')!)).toEqual(['at', 'ant', 'zebra']);
    expect(docs.get('k|9')).toEqual({ at: '1970-01-01T00:00:00.000Z', ant: 2, zebra: 1 });
  });
});

describe('a counting projection', () => {
  it('given a contact and an enrolment at one office, when a contact comes, counts three with the last type', () => {
    const given = [recordedEvent(1, 'ContactRecorded'), recordedEvent(2, 'CaseEnrolled')];
    const docs = foldInMemory(counts, [...given, recordedEvent(3, 'ContactRecorded')]);
    expect(docs.get(countKey('0314'))).toEqual<Count>({ office: '0314', events: 3, lastType: 'ContactRecorded' });
  });
});

function catchFailure(run: () => unknown): ProjectionEventFailed {
  try {
    run();
  } catch (error) {
    if (error instanceof ProjectionEventFailed) return error;
    throw error;
  }
  throw new Error('expected a ProjectionEventFailed');
}

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

  it('resumes from docs without changing them, so the same docs can be resumed from again (a snapshot after a failed fold)', () => {
    const inPlace = countingProjection({
      evolve: (rows, event) => {
        const doc = rows.get(countKey('0314'));
        if (doc) doc.events += 1;
        else rows.set(countKey('0314'), { office: '0314', events: 1, lastType: event.type });
      },
    });
    const snapshot = { docs: [...foldInMemory(inPlace, [recordedEvent(1, 'ContactRecorded')])], position: 1, seen: 1 };
    const later = [recordedEvent(2, 'ContactRecorded')];
    const first = InMemoryFold.resume(inPlace, snapshot).apply(later).docs();
    const again = InMemoryFold.resume(inPlace, snapshot).apply(later).docs();
    expect(snapshot.docs).toEqual([[countKey('0314'), { office: '0314', events: 1, lastType: 'ContactRecorded' }]]);
    expect(again).toEqual(first);
    expect(again.get(countKey('0314'))?.events).toBe(2);
  });

  it('hands its docs over at its end as docs() gives them, passing on the ones it resumed from that no event changed', () => {
    const snapshot = { docs: [...foldInMemory(counts, events.slice(0, 3))], position: 4, seen: 3 };
    const later = [recordedEvent(9, 'ContactRecorded', '0314'), recordedEvent(10, 'ContactRecorded', '1201')];
    const taken = InMemoryFold.resume(counts, snapshot).apply(later).takeDocs();
    expect([...taken]).toStrictEqual([...InMemoryFold.resume(counts, snapshot).apply(later).docs()]);
    // A doc the events made, in stored shape (jsonb's key order), not as evolve left it.
    expect(Object.keys(taken.get(countKey('1201'))!)).toEqual(['events', 'office', 'lastType']);
    expect(taken.get(countKey('5701'))).toBe(new Map(snapshot.docs).get(countKey('5701')));
    expect([...new InMemoryFold(counts).apply(events).takeDocs()]).toStrictEqual([...foldInMemory(counts, events)]);
  });

  it('hands out copies: docs taken earlier do not change with later events', () => {
    const fold = new InMemoryFold(counts).apply(events.slice(0, 2));
    const early = fold.docs();
    fold.apply(events.slice(2));
    expect(early.get(countKey('0314'))).toEqual({ office: '0314', events: 2, lastType: 'CaseEnrolled' });
    expect(fold.docs().get(countKey('0314'))).toEqual({ office: '0314', events: 3, lastType: 'ContactRecorded' });
  });
});
