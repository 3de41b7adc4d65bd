import { evolveCase, initialCaseState, type CaseEvent, type CaseState } from './case.js';
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
    const state = fold([enrolled, followedUp('2026-02-10T12:00:00.000Z'), followedUp('2026-02-01T00:00:00.000Z'), followedUp('2026-02-10T13:30:00+02:00')]);
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
