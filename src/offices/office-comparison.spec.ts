import { foldInMemory, selectDocs } from '@app/projections';
import { recordedAt } from '../../test/views/recorded.js';
import { caseProfile, enrolled } from '../../test/views/view-events.examples.js';
import { docs, followUpGapsProjection, gapRanges, history, now } from '../../test/views/office-comparison.examples.js';
import { compareOffices, MONTHS_PER_TURN } from './office-comparison.js';

const compare = (visible: (office: string) => boolean = () => true) =>
  compareOffices(docs, { from: '2026-01', to: '2026-06' }, now, visible);

describe('office comparison', () => {
  it('sets the offices side by side over the period: contacts, employers, contacts per advisor, cohorts and gaps', async () => {
    expect(await compare()).toEqual([
      {
        officeNumber: '0314',
        employerContacts: 3,
        uniqueEmployers: 2,
        contactsPerAdvisor: 1.5,
        enrolled: 1,
        placed: 1,
        transferredIn: 0,
        transferredOut: 0,
        placementRate: 1,
        followUpGaps: 0,
        contactsFromOtherOffices: 0,
        inquiriesReceived: 3,
        inquiriesAnsweredWithinDeadline: 1,
        inquiriesAnsweredLate: 1,
        inquiriesOverdue: 1,
        medianHoursToFirstContact: 37,
      },
      {
        officeNumber: '5001',
        employerContacts: 0,
        uniqueEmployers: 0,
        contactsPerAdvisor: 0,
        enrolled: 1,
        placed: 0,
        transferredIn: 0,
        transferredOut: 0,
        placementRate: 0,
        followUpGaps: 1,
        contactsFromOtherOffices: 0,
        inquiriesReceived: 0,
        inquiriesAnsweredWithinDeadline: 0,
        inquiriesAnsweredLate: 0,
        inquiriesOverdue: 0,
        medianHoursToFirstContact: null,
      },
    ]);
  });

  it('lists an office whose only active case is followed up in-house, with no gaps, as the gaps view would', async () => {
    const inHouseOnly = [...history, ...recordedAt(20, '1201', 'case-c', enrolled(caseProfile('c', '2026-01-02T10:00:00Z')))];
    const replayed = (range: Parameters<typeof selectDocs>[1]) => selectDocs(foldInMemory(followUpGapsProjection, inHouseOnly), range);
    const offices = await compareOffices(
      { ...docs, openCases: replayed(gapRanges.tallies), quietOnCutoffDay: replayed(gapRanges.cutoffDay) },
      { from: '2026-01', to: '2026-06' },
      now,
      () => true,
    );
    expect(offices.map((o) => [o.officeNumber, o.followUpGaps])).toEqual([
      ['0314', 0],
      ['1201', 0],
      ['5001', 1],
    ]);
  });

  it('shows only the offices the caller may see', async () => {
    expect((await compare((office) => office === '5001')).map((o) => o.officeNumber)).toEqual(['5001']);
  });

  it('gives the event loop back while it unites many months, and answers as in one piece', async () => {
    // Office 0314's compared months of the period under many office numbers: the same figures each.
    const months = [...docs.engagement].filter(([key]) => key.endsWith('|0314'));
    const many = new Map<string, unknown>();
    for (let copy = 0; copy < 2 * MONTHS_PER_TURN; copy++) {
      for (const [key, doc] of months) many.set(key.replace(/\|0314$/, `|9${String(copy).padStart(3, '0')}`), doc);
    }
    // Turns of the event loop that others got while the comparison ran: none if it ran in one piece.
    let turns = 0;
    let comparing = true;
    const turn = () => {
      if (!comparing) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    const offices = await compareOffices({ ...docs, engagement: many }, { from: '2026-01', to: '2026-06' }, now, (o) => o.startsWith('9'));
    comparing = false;
    expect(turns).toBeGreaterThanOrEqual(Math.floor(many.size / MONTHS_PER_TURN));
    expect(offices).toHaveLength(2 * MONTHS_PER_TURN);
    const [office0314] = await compare((office) => office === '0314');
    expect(months.length).toBeGreaterThan(0);
    expect(offices.map((o) => [o.employerContacts, o.uniqueEmployers, o.contactsPerAdvisor])).toEqual(
      offices.map(() => [office0314!.employerContacts, office0314!.uniqueEmployers, office0314!.contactsPerAdvisor]),
    );
  });
});
