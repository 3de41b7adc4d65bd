import type { Projection } from '../../../libs/projections/src/projection.js';
import { officeOfStream, type RecordedEvent } from '../../../libs/event-store/src/index.js';
import { toUtc } from '../../shared/domain/time.js';
import type { CaseEvent } from '../case.js';

/** An active case of the office; it leaves the view when it closes. */
export interface ActiveCase {
  caseId: string;
  clientRef: string;
  followUpMode: string;
  measureCode: string;
  providerOrgNumber: string | null;
  startedAt: string;
  /** UTC, so that it orders as a string. */
  lastFollowUpAt: string | null;
}

type Following = RecordedEvent & CaseEvent;

export const activeCasePrefix = (office: string) => `a|${office}|`;
const keyOf = (event: Following) => `${activeCasePrefix(officeOfStream(event.streamId)!)}${event.data.caseId}`;

export const followUpGapsProjection: Projection<ActiveCase, Following> = {
  name: 'active_cases',
  // 2: lastFollowUpAt in UTC (1 compared offsets as text).
  version: 2,
  eventTypes: ['ClientEnrolled', 'ClientTransferredIn', 'ClientFollowUpRecorded', 'ClientPlaced', 'ClientExited', 'ClientTransferredOut'],
  keysOf: (event) => [keyOf(event)],
  evolve(rows, event) {
    const key = keyOf(event);
    switch (event.type) {
      case 'ClientEnrolled':
      case 'ClientTransferredIn': {
        const d = event.data;
        rows.set(key, {
          caseId: d.caseId, clientRef: d.clientRef, followUpMode: d.followUpMode, measureCode: d.measureCode,
          providerOrgNumber: d.providerOrgNumber ?? null, startedAt: d.startedAt, lastFollowUpAt: null,
        });
        return;
      }
      case 'ClientFollowUpRecorded': {
        const row = rows.get(key);
        if (!row) return; // the case has closed: nothing to keep track of
        const at = toUtc(event.data.occurredAt);
        if (!row.lastFollowUpAt || at > row.lastFollowUpAt) row.lastFollowUpAt = at;
        rows.set(key, row);
        return;
      }
      case 'ClientPlaced':
      case 'ClientExited':
      case 'ClientTransferredOut':
        rows.delete(key);
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};
