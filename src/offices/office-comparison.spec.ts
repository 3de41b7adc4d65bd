import { foldInMemory, selectDocs } from '@app/projections';
import { followUpGapsView, outcomesView } from '../cases/cases.views.js';
import { engagementView, inquiriesView } from '../employers/employers.views.js';
import { inquiryAnswered, inquiryRegistered } from '../../test/views/inquiry-events.examples.js';
import { recordedAt } from '../../test/views/recorded.js';
import { caseProfile, contacted, enrolled, placedAt } from '../../test/views/view-events.examples.js';
import { compareOffices, MONTHS_PER_TURN } from './office-comparison.js';

const inHouse = caseProfile('a', '2026-03-02T10:00:00Z');
const external = caseProfile('b', '2026-03-03T10:00:00Z', true);
const history = [
  ...recordedAt(
    1,
    '0314',
    'employer-a',
    contacted('974760673', '2026-03-05T10:00:00Z', 'Z111111'),
    contacted('889640782', '2026-03-06T10:00:00Z', 'Z111111'),
  ),
  ...recordedAt(3, '0314', 'employer-b', contacted('974760673', '2026-04-05T10:00:00Z', 'Z222222')),
  ...recordedAt(4, '0314', 'case-a', enrolled(inHouse), placedAt(inHouse, '974760673', '2026-04-01T10:00:00Z')),
  ...recordedAt(6, '5001', 'case-b', enrolled(external)),
  ...recordedAt(7, '5001', 'employer-c', contacted('974760673', '2025-12-01T10:00:00Z')), // before the period
  // 0314: one inquiry answered after 2 hours, one answered late (due Thursday 5 March, answered Friday), one still open and overdue.
  ...recordedAt(
    8,
    '0314',
    'inquiry-1',
    inquiryRegistered('q1', '2026-03-02T09:00:00Z'),
    inquiryAnswered('q1', '2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z'),
  ),
  ...recordedAt(
    10,
    '0314',
    'inquiry-2',
    inquiryRegistered('q2', '2026-03-03T09:00:00Z'),
    inquiryAnswered('q2', '2026-03-03T09:00:00Z', '2026-03-06T09:00:00Z'),
  ),
  ...recordedAt(12, '0314', 'inquiry-3', inquiryRegistered('q3', '2026-04-01T09:00:00Z')),
  ...recordedAt(13, '5001', 'inquiry-4', inquiryRegistered('q4', '2025-12-01T09:00:00Z')), // before the period
];
const now = '2026-05-01T10:00:00Z';
// The rows the offices query reads: month-first rows of the period, every office's tally of open cases,
// the cases gone quiet on the cutoff's day.
const gapRanges = followUpGapsView.ranges.gapCounts(30, now);
const engagementProjection = engagementView.projection;
const outcomesProjection = outcomesView.projection;
const followUpGapsProjection = followUpGapsView.projection;
const docs = {
  engagement: selectDocs(foldInMemory(engagementProjection, history), engagementView.ranges.everyOfficeMonths('2026-01', '2026-06')),
  outcomes: selectDocs(foldInMemory(outcomesProjection, history), outcomesView.ranges.everyOfficeMonths('2026-01', '2026-06')),
  openCases: selectDocs(foldInMemory(followUpGapsProjection, history), gapRanges.tallies),
  quietOnCutoffDay: selectDocs(foldInMemory(followUpGapsProjection, history), gapRanges.cutoffDay),
  inquiries: selectDocs(foldInMemory(inquiriesView.projection, history), inquiriesView.ranges.everyOfficeMonths('2026-01', '2026-06')),
};
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
