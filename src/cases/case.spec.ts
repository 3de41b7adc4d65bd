import { officeStream } from '@app/event-store';
import { CASE_STREAM_KIND, evolveCase, initialCaseState, type CaseEvent, type CaseState } from './case.js';
import { enrolled, exited, navIdent, placed, profile, transferredOut } from './case.examples.js';

const fold = (events: CaseEvent[]): CaseState => events.reduce(evolveCase, initialCaseState());
const followedUp = (occurredAt: string): CaseEvent => ({
  type: 'ClientFollowUpRecorded',
  data: { caseId: 'case-1', kind: 'CLIENT_CALL', occurredAt, navIdent },
});

describe('a case, folded from its events', () => {
  it('is nothing before its first event', () => {
    expect(fold([])).toEqual({ status: 'none' });
  });

  it('is active once enrolled, remembering the enrolment', () => {
    expect(fold([enrolled])).toEqual({ ...profile, status: 'active', enrolledAt: profile.startedAt });
  });

  it('keeps the latest follow-up by instant when follow-ups are registered late or with offsets', () => {
    const state = fold([
      enrolled,
      followedUp('2026-02-10T12:00:00.000Z'),
      followedUp('2026-02-01T00:00:00.000Z'),
      followedUp('2026-02-10T13:30:00+02:00'),
    ]);
    expect(state).toMatchObject({ status: 'active', lastFollowUpAt: '2026-02-10T12:00:00.000Z' });
  });

  it.each([
    ['placed', placed],
    ['exited', exited],
    ['transferred', transferredOut],
  ])('is %s after its closing event', (status, closing) => {
    expect(fold([enrolled, closing])).toMatchObject({ status, caseId: 'case-1' });
  });
});

describe('the stream of a case', () => {
  // Stored data: every case already written lives under this name, so it may never change.
  it('is named office-<office>.case-<caseId>', () => {
    expect(officeStream('0314', CASE_STREAM_KIND, 'case-1')).toBe('office-0314.case-case-1');
  });
});
