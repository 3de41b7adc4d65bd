import { selectDocs } from '@app/projections';
import { ProjectionSpecification } from '@app/projections/testing';
import { recordedAt } from '../../../test/views/recorded.js';
import { inquiryAnswered, inquiryClosed, inquiryRegistered, inquiryTaken } from '../../../test/views/inquiry-events.examples.js';
import type { InquiryAnswerCorrected } from '../inquiry.js';
import { inquiryMonths, overdueInquiries } from './inquiries.answer.js';
import { inquiriesProjection, type OpenInquiry } from './inquiries.projection.js';

const spec = ProjectionSpecification.for(inquiriesProjection);
// Wednesday 1 April 2026, 15:00 in Oslo: due Wednesday 8 April 15:00 (Easter in between).
const easter = '2026-04-01T15:00:00+02:00';
const friday = '2026-04-17T09:00:00+02:00'; // due Tuesday 21 April 09:00
const monday = '2026-04-20T08:00:00+02:00'; // due Wednesday 22 April 08:00
const history = [
  ...recordedAt(1, '0314', 'inquiry-a', inquiryRegistered('a', easter), inquiryTaken('a', easter, '2026-04-07T08:00:00Z')),
  ...recordedAt(3, '0314', 'inquiry-b', inquiryRegistered('b', friday)),
  ...recordedAt(4, '0314', 'inquiry-c', inquiryRegistered('c', monday)),
  ...recordedAt(5, '5001', 'inquiry-d', inquiryRegistered('d', monday)),
];
const monthsAt = (now: string) => (docs: Map<string, unknown>) => inquiryMonths('0314', '2026-04', '2026-04', docs, now);
const overdueAt =
  (now: string, office = '0314') =>
  (docs: Map<string, unknown>) =>
    overdueInquiries(selectDocs(docs, { prefix: `o|${office}|` }).values() as Iterable<OpenInquiry>, now);

describe('inquiries view', () => {
  it('keeps each open inquiry with its deadline, and lists the overdue ones oldest deadline first as of now', () => {
    spec
      .given([])
      .when(...history)
      .then((docs) => {
        expect(overdueAt('2026-04-08T12:59:59Z')(docs)).toEqual([]);
        expect(overdueAt('2026-04-22T06:00:01Z')(docs).map((i) => [i.inquiryId, i.dueAt, i.responsible, i.hoursOverdue])).toEqual([
          ['a', '2026-04-08T13:00:00.000Z', 'Z222222', 329],
          ['b', '2026-04-21T07:00:00.000Z', null, 23],
          ['c', '2026-04-22T06:00:00.000Z', null, 0],
        ]);
        expect(monthsAt('2026-04-21T08:00:00Z')(docs)[0]).toEqual({
          month: '2026-04',
          received: 3,
          answeredWithinDeadline: 0,
          answeredLate: 0,
          open: 1,
          openOverdue: 2,
          medianHoursToFirstContact: null,
        });
      });
  });

  it('counts an answer at the deadline as within it, one after as late, and takes the earliest contact for the median', () => {
    spec
      .given(history)
      .when(
        ...recordedAt(10, '0314', 'inquiry-a', inquiryAnswered('a', easter, '2026-04-08T13:00:00Z')),
        ...recordedAt(
          11,
          '0314',
          'inquiry-b',
          inquiryAnswered('b', friday, '2026-04-21T09:00:00Z'),
          inquiryAnswered('b', friday, '2026-04-20T07:00:00Z'),
        ),
        ...recordedAt(13, '0314', 'inquiry-c', inquiryAnswered('c', monday, '2026-04-22T06:00:01Z')),
      )
      .then((docs) => {
        // a: 166 h (within, to the second), b: 72 h (the earlier contact, registered later), c: 46 h 0 s.
        expect(monthsAt('2026-05-01T00:00:00Z')(docs)[0]).toEqual({
          month: '2026-04',
          received: 3,
          answeredWithinDeadline: 2,
          answeredLate: 1,
          open: 0,
          openOverdue: 0,
          medianHoursToFirstContact: 72,
        });
        expect(overdueAt('2026-05-01T00:00:00Z')(docs)).toEqual([]);
      });
  });

  it('counts a closing as the answer when it came first, and leaves out an inquiry registered in error', () => {
    spec
      .given(history)
      .when(
        ...recordedAt(10, '0314', 'inquiry-a', inquiryClosed('a', easter, '2026-04-09T10:00:00Z', 'NO_CONTACT_TRIED_SEVERAL_TIMES')),
        ...recordedAt(11, '0314', 'inquiry-b', inquiryClosed('b', friday, '2026-04-17T10:00:00Z', 'REGISTERED_IN_ERROR')),
      )
      .then((docs) => {
        expect(monthsAt('2026-04-21T08:00:00Z')(docs)[0]).toEqual({
          month: '2026-04',
          received: 2,
          answeredWithinDeadline: 0,
          answeredLate: 1,
          open: 1,
          openOverdue: 0,
          medianHoursToFirstContact: null,
        });
        expect(overdueAt('2026-05-01T00:00:00Z')(docs).map((i) => i.inquiryId)).toEqual(['c']);
      });
  });

  it('files an inquiry under the UTC month it was received, and keeps offices apart', () => {
    spec
      .given(history)
      .when(...recordedAt(10, '0314', 'inquiry-e', inquiryRegistered('e', '2026-05-01T01:00:00+02:00'))) // 30 April in UTC
      .then((docs) => {
        expect(monthsAt('2026-04-01T00:00:00Z')(docs)[0]!.received).toBe(4);
        expect(overdueAt('2026-06-01T00:00:00Z', '5001')(docs).map((i) => i.inquiryId)).toEqual(['d']);
      });
  });

  it('takes back the answer of a corrected contact: the contacts that remain answer, or the inquiry is open again', () => {
    const withdrawn = (inquiryId: string, receivedAt: string, contactAt: string, rest: Partial<InquiryAnswerCorrected['data']>) => ({
      type: 'InquiryAnswerCorrected' as const,
      data: {
        inquiryId,
        receivedAt,
        contactId: `contact@${contactAt}`,
        reason: 'WRONG_EMPLOYER',
        correctedAt: '2026-05-01T00:00:00Z',
        navIdent: 'Z123456',
        remaining: {},
        ...rest,
      },
    });
    const reopened = { orgNumber: '974760673', source: 'CONTACT_FORM' as const, theme: 'RECRUITMENT' as const, responsible: 'Z222222' };
    spec
      .given([
        ...history,
        ...recordedAt(10, '0314', 'inquiry-a', inquiryAnswered('a', easter, '2026-04-02T10:00:00Z')),
        ...recordedAt(
          11,
          '0314',
          'inquiry-b',
          inquiryAnswered('b', friday, '2026-04-17T10:00:00Z'),
          inquiryAnswered('b', friday, '2026-04-21T10:00:00Z'),
        ),
      ])
      .when(
        ...recordedAt(
          20,
          '0314',
          'inquiry-a',
          withdrawn('a', easter, '2026-04-02T10:00:00Z', { reopened: { ...reopened, dueAt: '2026-04-08T15:00:00+02:00' } }),
        ),
        ...recordedAt(
          21,
          '0314',
          'inquiry-b',
          withdrawn('b', friday, '2026-04-17T10:00:00Z', { remaining: { firstContactAt: '2026-04-21T10:00:00Z' } }),
        ),
      )
      .then((docs) => {
        // a: open and overdue again, with its advisor; b: answered late, by the contact that remains (99 h).
        expect(overdueAt('2026-04-21T08:00:00Z')(docs).map((i) => [i.inquiryId, i.dueAt, i.responsible])).toEqual([
          ['a', '2026-04-08T13:00:00.000Z', 'Z222222'],
        ]);
        expect(monthsAt('2026-04-21T08:00:00Z')(docs)[0]).toMatchObject({
          answeredLate: 1,
          openOverdue: 1,
          open: 1,
          medianHoursToFirstContact: 99,
        });
      });
  });

  it('changes nothing when the same event is applied twice', () => {
    const answered = recordedAt(10, '0314', 'inquiry-a', inquiryAnswered('a', easter, '2026-04-08T10:00:00Z'));
    spec
      .given([...history, ...answered])
      .when(history[0]!)
      .thenNothingChanges();
    spec
      .given([...history, ...answered])
      .when(answered[0]!)
      .thenNothingChanges();
  });
});
