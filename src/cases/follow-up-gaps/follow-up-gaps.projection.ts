import type { Projection } from '../../../libs/projections/src/projection.js';
import { officeOfStream, type RecordedEvent } from '../../../libs/event-store/src/index.js';
import type { CaseEvent } from '../case.js';

/** An active case of the office; it leaves the view when it closes. */
export interface ActiveCase {
  caseId: string;
  clientRef: string;
  followUpMode: string;
  measureCode: string;
  providerOrgNumber: string | null;
  startedAt: string;
  lastFollowUpAt: string | null;
}

type Following = RecordedEvent & CaseEvent;

export const activeCasePrefix = (office: string) => `a|${office}|`;
const keyOf = (event: Following) => `${activeCasePrefix(officeOfStream(event.streamId)!)}${event.data.caseId}`;

export const followUpGapsProjection: Projection<ActiveCase, Following> = {
  name: 'active_cases',
  version: 1,
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
        if (!row.lastFollowUpAt || event.data.occurredAt > row.lastFollowUpAt) row.lastFollowUpAt = event.data.occurredAt;
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
