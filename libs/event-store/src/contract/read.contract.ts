import { InvalidAppend, InvalidPosition } from '../event-store.errors.js';
import type { StoreRef } from './event-store.contract.js';
import { anEvent, events, readableThrough, uniquePrefix, uniqueStream } from './contract-fixtures.js';

export function readContract(store: StoreRef): void {
  describe('reading', () => {
    it('reads a stream forwards from a revision, with a limit', async () => {
      const stream = `${uniquePrefix()}case-1`;
      await store().append(stream, events(6));
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      expect((await store().readStream(stream, { fromRevision: 2, limit: 3 })).map((e) => e.revision)).toEqual([2, 3, 4]);
    });

    it('reads a stream backwards from a revision, with a limit', async () => {
      const stream = `${uniquePrefix()}case-1`;
      await store().append(stream, events(6));
      expect((await store().readStream(stream, { direction: 'backwards' })).map((e) => e.revision)).toEqual([5, 4, 3, 2, 1, 0]);
      expect((await store().readStream(stream, { direction: 'backwards', fromRevision: 3, limit: 2 })).map((e) => e.revision)).toEqual([
        3, 2,
      ]);
    });

    it('reads several streams at once, each whole and in order, answered in the order asked', async () => {
      const prefix = uniquePrefix();
      const [a, b, none] = [`${prefix}case-a`, `${prefix}case-b`, `${prefix}case-none`];
      await store().append(a, events(3));
      await store().append(b, events(2));
      await store().append(a, events(1));
      const [readB, readNone, readA] = await store().readStreams([b, none, a]);
      expect(readA!.map((e) => [e.streamId, e.revision])).toEqual([
        [a, 0],
        [a, 1],
        [a, 2],
        [a, 3],
      ]);
      expect(readB!.map((e) => [e.streamId, e.revision])).toEqual([
        [b, 0],
        [b, 1],
      ]);
      expect(readNone).toEqual([]);
      // Each stream as readStream reads it: the same events, with their data.
      expect(readA).toEqual(await store().readStream(a));
      expect(await store().readStreams([])).toEqual([]);
    });

    it('reads a stream only up to a global position', async () => {
      const stream = `${uniquePrefix()}case-1`;
      const first = await store().append(stream, events(2));
      await store().append(stream, events(2));
      expect((await store().readStream(stream, { toPosition: first.position })).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('counts the events between two positions, across positions a refused append may have used, up to a limit', async () => {
      const stream = uniqueStream();
      const first = await store().append(stream, events(2));
      // Refused after PostgreSQL took positions for it from its sequence: a gap no event fills.
      const refused = store().append(uniqueStream(), [anEvent('A', {}, first.events[0]!.id)], { expectedRevision: 'any' });
      await expect(refused).rejects.toBeInstanceOf(InvalidAppend);
      const second = await store().append(stream, events(3));
      const at = [...first.events, ...second.events].map((e) => e.position);
      await readableThrough(store(), at[4]!);
      expect(await store().countEventsBetween(at[0]!, at[4]!, 100)).toBe(4);
      expect(await store().countEventsBetween(at[1]!, at[2]!, 100)).toBe(1);
      expect(await store().countEventsBetween(at[0]!, at[4]!, 3)).toBe(3);
      expect(await store().countEventsBetween(at[4]!, at[4]!, 100)).toBe(0);
      expect(await store().countEventsBetween(at[4]!, at[0]!, 100)).toBe(0);
      expect(await store().countEventsBetween(0, at[4]!, 5)).toBe(5);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store().readStream(`${uniquePrefix()}case-none`)).toEqual([]);
    });

    it('reads all events in global order after a position, filtered by stream prefix', async () => {
      const office = uniquePrefix();
      const other = uniquePrefix();
      const start = await store().headPosition();
      await store().append(`${office}case-a`, [anEvent('A', { n: 1 })]);
      await store().append(`${other}case-x`, [anEvent('A', { n: 2 })]);
      await store().append(`${office}employer-b`, [anEvent('B', { n: 3 })]);
      const last = await store().append(`${office}case-a`, [anEvent('C', { n: 4 })]);
      await readableThrough(store(), last.position);
      const read = await store().readAll({ after: start, streamPrefix: office });
      expect(read.map((e) => (e.data as { n: number }).n)).toEqual([1, 3, 4]);
      expect(read.every((e) => e.position > start)).toBe(true);
      const positions = read.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('leaves a stream named like the prefix without its dot out of a read by that prefix', async () => {
      const office = uniquePrefix();
      const start = await store().headPosition();
      await store().append(office.slice(0, -1), [anEvent('A', { n: 1 })]);
      await store().append(`${office}case-a`, [anEvent('A', { n: 2 })]);
      const last = await store().append(`${office}case-b`, [anEvent('A', { n: 3 })]);
      await readableThrough(store(), last.position);
      const numbers = async (streamPrefix: string) =>
        (await store().readAll({ after: start, streamPrefix })).map((e) => (e.data as { n: number }).n);
      expect(await numbers(office)).toEqual([2, 3]);
      expect(await numbers(`${office}case-a`)).toEqual([2]);
      expect(await numbers(office.slice(0, -1))).toEqual([1, 2, 3]);
    });

    it('reads all events filtered by type, with a limit and a page cursor that misses nothing', async () => {
      const office = uniquePrefix();
      const start = await store().headPosition();
      let last = start;
      for (let n = 0; n < 7; n++) {
        last = (await store().append(`${office}case-${n}`, [anEvent(n % 2 ? 'Odd' : 'Even', { n })])).position;
      }
      await readableThrough(store(), last);
      const evens = await store().readAll({ after: start, streamPrefix: office, types: ['Even'] });
      expect(evens.map((e) => (e.data as { n: number }).n)).toEqual([0, 2, 4, 6]);
      const paged: number[] = [];
      let after = start;
      for (;;) {
        const page = await store().readAll({ after, streamPrefix: office, limit: 3 });
        if (page.length === 0) break;
        paged.push(...page.map((e) => (e.data as { n: number }).n));
        after = page[page.length - 1]!.position;
      }
      expect(paged).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('reads all events backwards, before a cursor, and only up to a position', async () => {
      const office = uniquePrefix();
      const start = await store().headPosition();
      const results = [];
      for (let n = 0; n < 4; n++) results.push(await store().append(`${office}case-${n}`, [anEvent('A', { n })]));
      await readableThrough(store(), results[3]!.position);
      const backwards = await store().readAll({ streamPrefix: office, direction: 'backwards', limit: 3 });
      expect(backwards.map((e) => (e.data as { n: number }).n)).toEqual([3, 2, 1]);
      // Paging backwards, the cursor is exclusive the other way: the events before it.
      const before = await store().readAll({ after: results[3]!.position, streamPrefix: office, direction: 'backwards' });
      expect(before.map((e) => (e.data as { n: number }).n)).toEqual([2, 1, 0]);
      const upTo = await store().readAll({ after: start, streamPrefix: office, toPosition: results[1]!.position });
      expect(upTo.map((e) => (e.data as { n: number }).n)).toEqual([0, 1]);
    });

    it('reads all events recorded within a time window (from inclusive, before exclusive), a limit filling each page', async () => {
      const office = uniquePrefix();
      const other = uniquePrefix();
      const recorded = [];
      for (let n = 0; n < 4; n++) {
        recorded.push(await store().append(`${office}case-${n}`, [anEvent('A', { n })]));
        await store().append(`${other}case-${n}`, [anEvent('A', { n })]);
        // Apart by more than the millisecond that recordedAt shows.
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      await readableThrough(store(), recorded[3]!.position);
      const at = recorded.map((r) => r.events[0]!.recordedAt);
      const ns = (events: { data: unknown }[]) => events.map((e) => (e.data as { n: number }).n);
      expect(ns(await store().readAll({ streamPrefix: office, recordedFrom: at[1] }))).toEqual([1, 2, 3]);
      expect(ns(await store().readAll({ streamPrefix: office, recordedBefore: at[2] }))).toEqual([0, 1]);
      expect(ns(await store().readAll({ streamPrefix: office, recordedFrom: at[1], recordedBefore: at[3] }))).toEqual([1, 2]);
      // The window lies past the first events: a limited page still holds the first match, not nothing.
      expect(ns(await store().readAll({ streamPrefix: office, recordedFrom: at[2], limit: 1 }))).toEqual([2]);
      const afterFirst = await store().readAll({ streamPrefix: office, recordedFrom: at[1], after: recorded[1]!.position, limit: 1 });
      expect(ns(afterFirst)).toEqual([2]);
      expect(await store().readAll({ streamPrefix: office, recordedFrom: at[3], recordedBefore: at[3] })).toEqual([]);
    });

    it('fills a limited page past many events it leaves out: a short page means nothing more matched', async () => {
      const office = uniquePrefix();
      for (let n = 0; n < 3; n++) await store().append(`${office}case-${n}`, events(40, 'Other'));
      const wanted = await store().append(
        `${office}case-w`,
        [1, 2, 3].map((n) => anEvent('Wanted', { n })),
      );
      await readableThrough(store(), wanted.position);
      const page = await store().readAll({ streamPrefix: office, types: ['Wanted'], limit: 2 });
      expect(page.map((e) => (e.data as { n: number }).n)).toEqual([1, 2]);
      const rest = await store().readAll({ streamPrefix: office, types: ['Wanted'], after: page[1]!.position, limit: 2 });
      expect(rest.map((e) => (e.data as { n: number }).n)).toEqual([3]);
    });

    it("refuses to read after a position that is no event's (InvalidPosition), and reads after one that is", async () => {
      const office = uniquePrefix();
      const first = await store().append(`${office}case-1`, [anEvent('A', { n: 1 })]);
      const second = await store().append(`${office}case-1`, [anEvent('A', { n: 2 })]);
      await readableThrough(store(), second.position);
      for (const after of [-1, 1.5, second.position + 1_000_000_000]) {
        await expect(store().readAll({ after, streamPrefix: office })).rejects.toBeInstanceOf(InvalidPosition);
      }
      expect((await store().readAll({ after: first.position, streamPrefix: office })).map((e) => e.position)).toEqual([second.position]);
    });

    it('names the categories of the streams with events up to a position: each once, in order, none that began later', async () => {
      const early = uniquePrefix();
      const late = uniquePrefix();
      const category = (prefix: string) => prefix.slice(0, -1);
      const first = await store().append(`${early}case-a`, events(2));
      await store().append(`${early}employer-b`, events(1));
      const later = await store().append(`${late}case-c`, events(1));
      await readableThrough(store(), later.position);
      const ours = (categories: string[]) => categories.filter((c) => c === category(early) || c === category(late));
      expect(ours(await store().streamCategories(first.events[0]!.position - 1))).toEqual([]);
      expect(ours(await store().streamCategories(first.events[0]!.position))).toEqual([category(early)]);
      expect(ours(await store().streamCategories(later.position - 1))).toEqual([category(early)]);
      const all = await store().streamCategories(later.position);
      expect(ours(all)).toEqual([category(early), category(late)].sort());
      expect(all).toEqual([...new Set(all)].sort());
    });

    it('names its log the same way every time it is asked', async () => {
      const name = await store().identity();
      expect(name.length).toBeGreaterThan(3);
      expect(await store().identity()).toBe(name);
    });
  });
}
