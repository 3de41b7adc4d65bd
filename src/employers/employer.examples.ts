import type { EmployerContacted } from './employer.js';
import type { RecruitmentNeedClosed, RecruitmentNeedRegistered } from './recruitment-need.js';

/** An office's work with one builder, for the deciders' given/when/then specs. The clock at 1 May. */
export const now = '2026-05-01T12:00:00.000Z';
export const navIdent = 'Z123456';
export const orgNumber = '974760673';

export const contacted = (overrides: Partial<EmployerContacted['data']> = {}): EmployerContacted => ({
  type: 'EmployerContacted',
  data: {
    contactId: 'contact-1',
    orgNumber,
    employerName: 'Byggmester AS',
    naceCode: '41.200',
    naceSection: 'F',
    channel: 'VISIT',
    theme: 'RECRUITMENT',
    occurredAt: '2026-05-01T09:00:00.000Z',
    durationMinutes: 45,
    note: undefined,
    navIdent,
    ...overrides,
    service: overrides.service ?? null,
  },
});

export const registered: RecruitmentNeedRegistered = {
  type: 'RecruitmentNeedRegistered',
  data: { needId: 'need-1', orgNumber, positions: 3, occupation: 'tømrer', occurredAt: '2026-04-01T08:00:00.000Z', navIdent },
};

export const closed: RecruitmentNeedClosed = {
  type: 'RecruitmentNeedClosed',
  data: { needId: 'need-1', orgNumber, result: 'FILLED', positions: 3, occurredAt: '2026-04-20T08:00:00.000Z', navIdent },
};
