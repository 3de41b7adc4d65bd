import { DeciderSpecification } from '@app/testing';
import { InvalidOrgNumber, OccurredInTheFuture, RecruitmentNeedAlreadyRegistered } from '../employer.errors.js';
import { navIdent, now, orgNumber, registered } from '../employer.examples.js';
import { evolveRecruitmentNeed, initialRecruitmentNeed } from '../recruitment-need.js';
import type { RegisterRecruitmentNeed } from './register-recruitment-need.decide.js';
import { registerRecruitmentNeed } from './register-recruitment-need.decide.js';

const spec = DeciderSpecification.for({
  decide: registerRecruitmentNeed,
  evolve: evolveRecruitmentNeed,
  initialState: initialRecruitmentNeed,
});

const register: RegisterRecruitmentNeed = {
  needId: 'need-1',
  orgNumber,
  positions: 3,
  occupation: 'tømrer',
  occurredAt: '2026-04-01T08:00:00.000Z',
  navIdent,
  now,
};

describe('registering a recruitment need', () => {
  it('registers the need on its own stream, naming the employer', () => {
    spec.given([]).when(register).then([registered]);
  });

  it('refuses registering a need id that is already registered', () => {
    spec
      .given([registered])
      .when(register)
      .thenThrows(RecruitmentNeedAlreadyRegistered, (e) => {
        expect(e).toMatchObject({ code: 'RECRUITMENT_NEED.ALREADY_REGISTERED', kind: 'conflict' });
      });
  });

  it('refuses a need at an employer whose organisation number fails the check', () => {
    spec
      .given([])
      .when({ ...register, orgNumber: '123456700' })
      .thenThrows(InvalidOrgNumber, (e) => expect(e.path).toBe('orgNumber'));
  });

  it('refuses a need more than five minutes in the future', () => {
    spec
      .given([])
      .when({ ...register, occurredAt: '2026-06-01T00:00:00.000Z' })
      .thenThrows(OccurredInTheFuture);
  });
});
