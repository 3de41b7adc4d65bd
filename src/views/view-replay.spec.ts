import {
  InMemoryEventStore,
  officeOfStream,
  type DomainEvent,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
} from '@app/event-store';
import { foldInMemory } from '@app/projections';
import { compareKeys, selectDocs } from '@app/projections';
import type { CaseProfile } from '../cases/case.js';
import { followUpGapsProjection } from '../cases/follow-up-gaps/follow-up-gaps.projection.js';
import { outcomesProjection } from '../cases/outcomes/outcomes.projection.js';
import { engagementProjection } from '../employers/engagement/engagement.projection.js';
import { APP_PROJECTIONS, APP_VIEWS } from './app-views.js';
import { recordedAt } from '../../test/views/recorded.js';
import { replayViews } from '../shared/views/view-replay.js';

const navIdent = 'Z123456';
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 10)).toISOString();
const sent: CaseProfile = {
  caseId: 'a',
  subjectId: 'r'.repeat(64),
  needGroup: 'STANDARD',
  followUpMode: 'EXTERNAL',
  measureCode: 'INDOPPFAG',
  providerOrgNumber: '889640782',
  startedAt: at(5),
};
const arrived: CaseProfile = { ...sent, caseId: 'b', startedAt: at(40) };
const contacted = (orgNumber: string, occurredAt: string): DomainEvent => ({
  type: 'EmployerContacted',
  data: { contactId: occurredAt, orgNumber, naceSection: 'F', channel: 'PHONE', theme: 'RECRUITMENT', occurredAt, navIdent },
});

/** A case enrolled at 0314, followed up, transferred to 5001 and placed there; both offices contact the employer. */
const history: [office: string, stream: string, events: DomainEvent[]][] = [
  [
    '0314',
    'case-a',
    [
      { type: 'ClientEnrolled', data: { ...sent, occurredAt: sent.startedAt, navIdent } },
      { type: 'ClientFollowUpRecorded', data: { caseId: 'a', kind: 'PROVIDER_CONTACT', occurredAt: at(20), navIdent } },
    ],
  ],
  ['0314', 'employer-974760673', [contacted('974760673', at(30))]],
  [
    '0314',
    'case-a',
    [
      {
        type: 'ClientTransferredOut',
        data: { ...sent, enrolledAt: sent.startedAt, toOfficeNumber: '5001', newCaseId: 'b', occurredAt: at(40), navIdent },
      },
    ],
  ],
  [
    '5001',
    'case-b',
    [
      {
        type: 'ClientTransferredIn',
        data: { ...arrived, fromOfficeNumber: '0314', fromCaseId: 'a', enrolledAt: sent.startedAt, occurredAt: at(40), navIdent },
      },
    ],
  ],
  ['5001', 'employer-974760673', [contacted('974760673', at(50))]],
  [
    '5001',
    'case-b',
    [
      {
        type: 'ClientPlaced',
        data: {
          ...arrived,
          orgNumber: '974760673',
          startDate: '2026-03-01',
          employmentPercent: 100,
          employmentType: 'PERMANENT',
          occurredAt: at(55),
          navIdent,
        },
      },
    ],
  ],
];

async function storeWithHistory(): Promise<EventStore> {
  const store = new InMemoryEventStore();
  for (const [office, stream, events] of history) {
    const metadata = { actor: navIdent, officeNumber: office, commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 };
    await store.append(
      `office-${office}.${stream}`,
      events.map((e) => ({ ...e, metadata })),
    );
  }
  return store;
}

describe('replaying views in memory', () => {
  it('gives each office, from its own events only, its rows of a replay of all (a transfer counts where recorded)', async () => {
    const store = await storeWithHistory();
    const everything = await store.readAll();
    for (const office of ['0314', '5001']) {
      const { docs } = await replayViews(store, APP_PROJECTIONS, { office }, { toPosition: everything.length }, { pageSize: 2 });
      for (const { projection, officeRanges } of APP_VIEWS) {
        const all = foldInMemory(projection, everything);
        for (const range of officeRanges(office)) {
          expect(selectDocs(docs.get(projection.name)!, range)).toEqual(selectDocs(all, range));
        }
      }
    }
    const { docs } = await replayViews(
      store,
      [outcomesProjection, followUpGapsProjection],
      { office: '0314' },
      { toPosition: everything.length },
    );
    expect([...selectDocs(docs.get(outcomesProjection.name)!, { prefix: 'c|0314|' }).values()]).toEqual([
      expect.objectContaining({ enrolled: 1, active: 0, transferredOut: 1, placed: 0 }),
    ]);
    expect(selectDocs(docs.get(followUpGapsProjection.name)!, { prefix: 'a|0314|' }).size).toBe(0);
  });

  it('gives the docs of several offices in key order, as the table does, not office after office', async () => {
    const store = await storeWithHistory();
    const everything = await store.readAll();
    const { docs } = await replayViews(store, APP_PROJECTIONS, { offices: ['5001', '0314'] }, { toPosition: everything.length });
    for (const projection of APP_PROJECTIONS) {
      const keys = [...docs.get(projection.name)!.keys()];
      expect(keys).toEqual([...foldInMemory(projection, everything).keys()].sort(compareKeys));
    }
    // Office after office would be another order: some views' keys do not start with the office.
    const officeAfterOffice = (name: string) => ['0314', '5001'].flatMap((o) => [...docs.get(name)!.keys()].filter((k) => k.includes(o)));
    expect(APP_PROJECTIONS.some((p) => officeAfterOffice(p.name).join() !== [...docs.get(p.name)!.keys()].join())).toBe(true);
  });

  it('stops at the position asked for, whatever the page size', async () => {
    const store = await storeWithHistory();
    const upTo = 4;
    const expected = foldInMemory(
      outcomesProjection,
      (await store.readAll()).filter((e) => e.position <= upTo),
    );
    for (const pageSize of [1, 2, 3, 1000]) {
      const replayed = await replayViews(store, [outcomesProjection], {}, { toPosition: upTo }, { pageSize });
      expect(replayed.docs.get(outcomesProjection.name)).toEqual(expected);
      expect(replayed.lastPosition).toBe(4);
    }
  });

  it('reads only the offices asked for, and reports the last position it included', async () => {
    const store = await storeWithHistory();
    const replayed = await replayViews(store, [engagementProjection], { offices: ['5001'] }, { toPosition: 100 });
    const ofOffice = (await store.readAll()).filter((e) => officeOfStream(e.streamId) === '5001');
    const docs = replayed.docs.get(engagementProjection.name)!;
    expect(docs).toEqual(foldInMemory(engagementProjection, ofOffice));
    expect(docs.size).toBeGreaterThan(0);
    expect([...docs.keys()].every((key) => key.includes('5001'))).toBe(true);
    expect(replayed.lastPosition).toBe(7);
  });

  it('as of a time, replays the events up to the first one recorded later, even if one after it was recorded earlier', async () => {
    const events: RecordedEvent[] = [
      ...recordedAt(1, '0314', 'employer-a', contacted('974760673', at(1)), contacted('974760673', at(2)), contacted('974760673', at(3))),
    ].map((e, i) => ({ ...e, recordedAt: ['2026-05-01T10:00:00.000Z', '2026-05-01T10:00:02.000Z', '2026-05-01T10:00:01.000Z'][i]! }));
    const log = {
      readAll: async ({ after = 0, limit = Infinity, toPosition = Infinity, recordedFrom = '' }: ReadAllOptions = {}) =>
        events.filter((e) => e.position > after && e.position <= toPosition && e.recordedAt >= recordedFrom).slice(0, limit),
      streamCategories: async () => ['office-0314'],
    };
    for (const pageSize of [1, 1000]) {
      const replayed = await replayViews(
        log,
        [engagementProjection],
        { office: '0314' },
        { toPosition: 3, recordedBy: Date.parse('2026-05-01T10:00:01.500Z') },
        { pageSize },
      );
      expect(replayed.lastPosition).toBe(1);
      expect(replayed.docs.get(engagementProjection.name)).toEqual(foldInMemory(engagementProjection, events.slice(0, 1)));
      // An event recorded at the very instant asked for is part of the view as of that instant.
      const bound = { toPosition: 3, recordedBy: Date.parse(events[0]!.recordedAt) };
      const atTheInstant = await replayViews(log, [engagementProjection], { office: '0314' }, bound, { pageSize });
      expect(atTheInstant.lastPosition).toBe(1);
    }
  });
  it('leaves out an event a view cannot apply, as the live view parks it, and reports it (issue 12)', async () => {
    const store = await storeWithHistory();
    const all = await store.readAll({});
    const poison = all.find((e) => e.type === 'EmployerContacted' && e.metadata.officeNumber === '5001')!;
    // Changes the month row in place and then throws: nothing of that must stay.
    const failing = {
      ...engagementProjection,
      evolve: (rows: Parameters<typeof engagementProjection.evolve>[0], event: Parameters<typeof engagementProjection.evolve>[1]) => {
        engagementProjection.evolve(rows, event);
        if (event.position === poison.position) throw new Error('cannot apply');
      },
    };
    const { docs, parked, lastPosition } = await replayViews(
      store,
      [failing, outcomesProjection],
      {},
      { toPosition: all.at(-1)!.position },
      { pageSize: 2 },
    );
    expect(parked).toEqual([{ view: 'engagement', position: poison.position }]);
    expect(lastPosition).toBe(all.at(-1)!.position);
    expect(docs.get('engagement')).toEqual(
      foldInMemory(
        engagementProjection,
        all.filter((e) => e.position !== poison.position),
      ),
    );
    expect(docs.get('outcomes')).toEqual(foldInMemory(outcomesProjection, all));
  });

  it('reports the events left out in log order, and two views that left out one event by name', async () => {
    const store = await storeWithHistory();
    const all = await store.readAll({});
    const [first, second] = all.filter(
      (e) => e.metadata.officeNumber === '5001' && (engagementProjection.eventTypes as readonly string[]).includes(e.type),
    );
    const failingAt = (name: string, positions: number[]) => ({
      ...engagementProjection,
      name,
      evolve: (rows: Parameters<typeof engagementProjection.evolve>[0], event: Parameters<typeof engagementProjection.evolve>[1]) => {
        engagementProjection.evolve(rows, event);
        if (positions.includes(event.position)) throw new Error('cannot apply');
      },
    });
    // Each view's are found in turn: both of view_b's before view_a's.
    const views = [failingAt('view_b', [first!.position, second!.position]), failingAt('view_a', [second!.position])];
    const { parked } = await replayViews(store, views, { office: '5001' }, { toPosition: all.at(-1)!.position });
    expect(parked).toEqual([
      { view: 'view_b', position: first!.position },
      { view: 'view_a', position: second!.position },
      { view: 'view_b', position: second!.position },
    ]);
  });
});
