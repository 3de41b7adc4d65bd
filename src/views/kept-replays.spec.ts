import { InMemoryEventStore, officeOfStream, type DomainEvent, type EventStore, type ReadAllOptions } from '@app/event-store';
import { foldInMemory, type AnyProjection } from '@app/projections';
import { engagementProjection } from '../employers/engagement/engagement.projection.js';
import { KeptReplays, MOST_KEPT_REPLAYS } from '../shared/views/kept-replays.js';
import { REPLAY_PAGE, type ReplayScope } from '../shared/views/view-replay.js';

const navIdent = 'Z123456';
const contacted = (orgNumber: string, day: number): DomainEvent => {
  const occurredAt = new Date(Date.UTC(2026, 0, day, 10)).toISOString();
  return {
    type: 'EmployerContacted',
    data: { contactId: `${orgNumber}-${day}`, orgNumber, naceSection: 'F', channel: 'PHONE', theme: 'RECRUITMENT', occurredAt, navIdent },
  };
};

/** A store that counts its reads and where each began, and can be made to fail the next one. */
class WatchedStore {
  readonly store = new InMemoryEventStore();
  reads: ReadAllOptions[] = [];
  failNext = false;

  readAll = async (options: ReadAllOptions = {}) => {
    this.reads.push(options);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('connection terminated');
    }
    return this.store.readAll(options);
  };

  async contact(office: string, orgNumber: string, day: number): Promise<number> {
    const metadata = { actor: navIdent, officeNumber: office, commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
    const { position } = await this.store.append(`office-${office}.employer-${orgNumber}`, [{ ...contacted(orgNumber, day), metadata }]);
    return position;
  }
}

const officeEvents = async (store: EventStore, offices: string[] | undefined, toPosition: number) =>
  (await store.readAll({ toPosition })).filter((e) => !offices || offices.includes(officeOfStream(e.streamId) ?? ''));

describe('KeptReplays: the answer of a view whose table is at another version', () => {
  it('answers each scope as its replay at the position asked, brought forward by only the events since the last answer', async () => {
    const log = new WatchedStore();
    const kept = new KeptReplays(log);
    await log.contact('0314', '974760673', 1);
    await log.contact('5001', '974760673', 2);
    let head = await log.contact('0314', '889640782', 3);
    const scopes: ReplayScope[] = [{ office: '0314' }, { offices: ['5001'] }, {}];
    for (const scope of scopes) {
      const offices = 'office' in scope ? [scope.office] : scope.offices && [...scope.offices];
      const first = await kept.at(engagementProjection, scope, head);
      expect(first.position).toBe(head);
      expect(first.docs).toEqual(foldInMemory(engagementProjection, await officeEvents(log.store, offices, head)));
      expect(first.docs.size).toBeGreaterThan(0);
      // The same position again: the same documents, nothing read.
      log.reads = [];
      expect(await kept.at(engagementProjection, scope, head)).toBe(first);
      expect(log.reads).toEqual([]);
      const before = head;
      await log.contact('5001', '889640782', 4);
      head = await log.contact('0314', '974760673', 5);
      const later = await kept.at(engagementProjection, scope, head);
      expect(later.position).toBe(head);
      expect(later.docs).toEqual(foldInMemory(engagementProjection, await officeEvents(log.store, offices, head)));
      expect(log.reads.map((r) => r.after)).toEqual([before]);
      // An earlier position than an answer already given: that answer, which went further.
      expect(await kept.at(engagementProjection, scope, before)).toBe(later);
    }
    expect(kept.size).toBe(3);
  });

  it('reads a page after another until one is short', async () => {
    const log = new WatchedStore();
    let head = 0;
    for (let day = 0; day <= REPLAY_PAGE; day++) head = await log.contact('0314', String(974760673 + (day % 7)), (day % 28) + 1);
    const kept = new KeptReplays(log);
    const replayed = await kept.at(engagementProjection, { office: '0314' }, head);
    expect(log.reads.length).toBe(2);
    expect(log.reads[1]!.after).toBe(log.reads[0]!.after! + REPLAY_PAGE);
    expect(replayed.docs).toEqual(foldInMemory(engagementProjection, await log.store.readAll()));
  });

  it('keeps each view version apart, and forgets a view by name only', async () => {
    const log = new WatchedStore();
    const head = await log.contact('0314', '974760673', 1);
    const kept = new KeptReplays(log);
    const next: AnyProjection = { ...engagementProjection, version: engagementProjection.version + 1 };
    const other: AnyProjection = { ...engagementProjection, name: 'engagement-copy' };
    await kept.at(engagementProjection, { office: '0314' }, head);
    await kept.at(next, { office: '0314' }, head);
    await kept.at(other, { office: '0314' }, head);
    expect(kept.size).toBe(3);
    kept.forget(engagementProjection.name);
    expect(kept.size).toBe(1);
    log.reads = [];
    await kept.at(other, { office: '0314' }, head);
    expect(log.reads).toEqual([]);
  });

  it(`keeps at most ${MOST_KEPT_REPLAYS} replays, letting go of the one asked for least recently`, async () => {
    const log = new WatchedStore();
    const head = await log.contact('0314', '974760673', 1);
    const kept = new KeptReplays(log);
    const office = (i: number) => String(1000 + i);
    for (let i = 0; i < MOST_KEPT_REPLAYS; i++) await kept.at(engagementProjection, { office: office(i) }, head);
    // Asked again, the first becomes the most recent, so the second is the one to go.
    await kept.at(engagementProjection, { office: office(0) }, head);
    await kept.at(engagementProjection, { office: office(MOST_KEPT_REPLAYS) }, head);
    expect(kept.size).toBe(MOST_KEPT_REPLAYS);
    log.reads = [];
    await kept.at(engagementProjection, { office: office(0) }, head);
    expect(log.reads).toEqual([]);
    await kept.at(engagementProjection, { office: office(1) }, head);
    expect(log.reads.length).toBe(1);
  });

  it('after a read that failed, the next answer takes the replay up from where it was, right', async () => {
    const log = new WatchedStore();
    const kept = new KeptReplays(log);
    const first = await log.contact('0314', '974760673', 1);
    await kept.at(engagementProjection, { office: '0314' }, first);
    const head = await log.contact('0314', '889640782', 2);
    log.failNext = true;
    await expect(kept.at(engagementProjection, { office: '0314' }, head)).rejects.toThrow('connection terminated');
    log.reads = [];
    const replayed = await kept.at(engagementProjection, { office: '0314' }, head);
    expect(replayed.docs).toEqual(foldInMemory(engagementProjection, await log.store.readAll()));
    expect(log.reads.map((r) => r.after)).toEqual([first]);
  });

  it('passes on a failed first read rather than read again, and answers the next ask from nothing', async () => {
    const log = new WatchedStore();
    const kept = new KeptReplays(log);
    const head = await log.contact('0314', '974760673', 1);
    log.failNext = true;
    await expect(kept.at(engagementProjection, { office: '0314' }, head)).rejects.toThrow('connection terminated');
    expect(log.reads).toHaveLength(1);
    expect((await kept.at(engagementProjection, { office: '0314' }, head)).docs).toEqual(
      foldInMemory(engagementProjection, await log.store.readAll()),
    );
  });

  it('leaves out an event the view cannot apply, from nothing again, as the live view parks it', async () => {
    const log = new WatchedStore();
    const kept = new KeptReplays(log);
    const first = await log.contact('0314', '974760673', 1);
    const poison = await log.contact('0314', '889640782', 2);
    const head = await log.contact('0314', '974760673', 3);
    const failing: AnyProjection = {
      ...engagementProjection,
      evolve: (rows, event) => {
        engagementProjection.evolve(rows, event);
        if (event.position === poison) throw new Error('cannot apply');
      },
    };
    const all = await log.store.readAll();
    const withoutPoison = foldInMemory(
      engagementProjection,
      all.filter((e) => e.position !== poison),
    );
    // Failing on the first read and on a read that brings a kept replay forward.
    expect((await kept.at(failing, { office: '0314' }, head)).docs).toEqual(withoutPoison);
    const again = new KeptReplays(log);
    await again.at(failing, { office: '0314' }, first);
    expect((await again.at(failing, { office: '0314' }, head)).docs).toEqual(withoutPoison);
  });
});
