import { DeciderSpecification } from '@app/testing';
import { ClosedBeforeRegistered, OccurredInTheFuture, RecruitmentNeedAlreadyClosed, RecruitmentNeedNotFound } from '../employer.errors.js';
import { closed, now, orgNumber, registered } from '../employer.examples.js';
import { evolveRecruitmentNeed, initialRecruitmentNeed } from '../recruitment-need.js';
import type { CloseRecruitmentNeed } from './close-recruitment-need.decide.js';
import { closeRecruitmentNeed } from './close-recruitment-need.decide.js';

const spec = DeciderSpecification.for({
  decide: closeRecruitmentNeed,
  evolve: evolveRecruitmentNeed,
  initialState: initialRecruitmentNeed,
});

const close: CloseRecruitmentNeed = {
  needId: 'need-1',
  result: 'FILLED',
  occurredAt: '2026-04-20T08:00:00.000Z',
  navIdent: 'Z654321',
  now,
};
const closedBy = (overrides: Partial<CloseRecruitmentNeed>) => {
  const { result, occurredAt, navIdent } = { ...close, ...overrides };
  return { type: 'RecruitmentNeedClosed' as const, data: { needId: 'need-1', orgNumber, positions: 3, result, occurredAt, navIdent } };
};

describe('closing a recruitment need', () => {
  it('closes an open need as filled, carrying its employer and positions', () => {
    spec
      .given([registered])
      .when(close)
      .then([closedBy({})]);
  });

  it('closes an open need as cancelled', () => {
    spec
      .given([registered])
      .when({ ...close, result: 'CANCELLED' })
      .then([closedBy({ result: 'CANCELLED' })]);
  });

  it('refuses closing a need that was never registered', () => {
    spec
      .given([])
      .when(close)
      .thenThrows(RecruitmentNeedNotFound, (e) => {
        expect(e).toMatchObject({ code: 'RECRUITMENT_NEED.NOT_FOUND', kind: 'not_found' });
      });
  });

  it('closes a need once only', () => {
    spec
      .given([registered, closed])
      .when({ ...close, result: 'CANCELLED' })
      .thenThrows(RecruitmentNeedAlreadyClosed, (e) => {
        expect(e).toMatchObject({ code: 'RECRUITMENT_NEED.ALREADY_CLOSED', kind: 'conflict' });
      });
  });

  it('accepts closing at the moment of registration but not before it', () => {
    spec
      .given([registered])
      .when({ ...close, occurredAt: registered.data.occurredAt })
      .then([closedBy({ occurredAt: registered.data.occurredAt })]);
    spec
      .given([registered])
      .when({ ...close, occurredAt: '2026-04-01T09:00:00+02:00' })
      .thenThrows(ClosedBeforeRegistered, (e) => {
        expect(e).toMatchObject({ code: 'OCCURRED_AT.BEFORE_REGISTRATION', kind: 'invalid' });
      });
  });

  it('refuses closing more than five minutes in the future', () => {
    spec
      .given([registered])
      .when({ ...close, occurredAt: '2026-05-02T00:00:00.000Z' })
      .thenThrows(OccurredInTheFuture);
  });
});
