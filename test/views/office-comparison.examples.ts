import { foldInMemory, selectDocs } from '@app/projections';
import { followUpGapsView, outcomesView } from '../../src/cases/cases.views.js';
import { engagementView, inquiriesView } from '../../src/employers/employers.views.js';
import { inquiryAnswered, inquiryRegistered } from './inquiry-events.examples.js';
import { recordedAt } from './recorded.js';
import { caseProfile, contacted, enrolled, placedAt } from './view-events.examples.js';
import type { ComparedDocs } from '../../src/offices/office-comparison.js';

// Two offices' contacts, cases and inquiries, and the rows the offices query would read of them: what
// the comparison's tests compare, on the calling thread and on its own.
const inHouse = caseProfile('a', '2026-03-02T10:00:00Z');
const external = caseProfile('b', '2026-03-03T10:00:00Z', true);
/** The period compared. */
export const period = { from: '2026-01', to: '2026-06' };
export const history = [
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
export const now = '2026-05-01T10:00:00Z';
// The rows the offices query reads: month-first rows of the period, every office's tally of open cases,
// the cases gone quiet on the cutoff's day.
export const gapRanges = followUpGapsView.ranges.gapCounts(30, now);
const engagementProjection = engagementView.projection;
const outcomesProjection = outcomesView.projection;
export const followUpGapsProjection = followUpGapsView.projection;
export const docs: ComparedDocs = {
  engagement: selectDocs(foldInMemory(engagementProjection, history), engagementView.ranges.everyOfficeMonths('2026-01', '2026-06')),
  outcomes: selectDocs(foldInMemory(outcomesProjection, history), outcomesView.ranges.everyOfficeMonths('2026-01', '2026-06')),
  openCases: selectDocs(foldInMemory(followUpGapsProjection, history), gapRanges.tallies),
  quietOnCutoffDay: selectDocs(foldInMemory(followUpGapsProjection, history), gapRanges.cutoffDay),
  inquiries: selectDocs(foldInMemory(inquiriesView.projection, history), inquiriesView.ranges.everyOfficeMonths('2026-01', '2026-06')),
};
