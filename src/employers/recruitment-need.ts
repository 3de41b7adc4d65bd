import type { DomainEvent } from '@app/event-store';
import type { NeedResult } from '../shared/values/codes.js';
import type { RecruitmentNeedCorrected } from './employer-correction.js';

/**
 * Stream `office-<officeNumber>.need-<needId>`. A need has a stream of its own, not a place in the
 * employer's, because it is addressed by its id alone (`/recruitment-needs/{needId}/close`): in the
 * employer stream, closing would need the org number too, or a lookup from need to employer.
 * `RecruitmentNeedRegistered` carries the org number, so views still file the need under its employer.
 */
export const NEED_STREAM_KIND = 'need';

export type RecruitmentNeedRegistered = DomainEvent<
  'RecruitmentNeedRegistered',
  { needId: string; orgNumber: string; positions: number; occupation: string; occurredAt: string; navIdent: string }
>;

export type RecruitmentNeedClosed = DomainEvent<
  'RecruitmentNeedClosed',
  { needId: string; orgNumber: string; result: NeedResult; positions: number; occurredAt: string; navIdent: string }
>;

export type RecruitmentNeedEvent = RecruitmentNeedRegistered | RecruitmentNeedClosed | RecruitmentNeedCorrected;

export type RecruitmentNeed =
  | { status: 'none' }
  | {
      /** `corrected`: registered in error, closed for good. */
      status: 'open' | 'closed' | 'corrected';
      needId: string;
      orgNumber: string;
      positions: number;
      registeredAt: string;
      /** Once closed: what a correction must take back with it. */
      closed?: { occurredAt: string; result: NeedResult };
    };

export const initialRecruitmentNeed = (): RecruitmentNeed => ({ status: 'none' });

export function evolveRecruitmentNeed(state: RecruitmentNeed, event: RecruitmentNeedEvent): RecruitmentNeed {
  switch (event.type) {
    case 'RecruitmentNeedRegistered':
      return {
        status: 'open',
        needId: event.data.needId,
        orgNumber: event.data.orgNumber,
        positions: event.data.positions,
        registeredAt: event.data.occurredAt,
      };
    case 'RecruitmentNeedClosed':
      if (state.status === 'none') return state;
      return { ...state, status: 'closed', closed: { occurredAt: event.data.occurredAt, result: event.data.result } };
    case 'RecruitmentNeedCorrected':
      return state.status === 'none' ? state : { ...state, status: 'corrected' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
