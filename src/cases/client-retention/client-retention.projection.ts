import type { Projection } from '@app/projections';
import type { RecordedEvent } from '@app/event-store';
import { latest, toUtc } from '../../shared/values/time.js';
import type { ClientEnrolled, ClientExited, ClientPlaced, ClientTransferredIn, ClientTransferredOut } from '../case.js';
import type { CaseStepCorrected } from '../case-correction.js';

/**
 * One client (by subject id) as retention needs them: their open cases, when each closed case
 * closed, and `closedSince` (UTC) once none is open: the last closing, the sort key retention
 * reads by (the subject id after it keeps keys unique). A case registered in error counts as
 * never opened; its correction is the last thing that happened to the client.
 */
export interface ClientRetention {
  subjectId: string;
  open: string[];
  closedAt: Record<string, string>;
  lastEventAt: string;
  closedSince?: string;
}

type Following = RecordedEvent &
  (ClientEnrolled | ClientTransferredIn | ClientPlaced | ClientExited | ClientTransferredOut | CaseStepCorrected);

export const clientRetentionKey = (subjectId: string) => `s|${subjectId}`;

const withSortKey = (c: Omit<ClientRetention, 'closedSince'>): ClientRetention => {
  if (c.open.length > 0) return c;
  const last = Object.values(c.closedAt).reduce<string | undefined>((at, closed) => latest(closed, at), undefined) ?? c.lastEventAt;
  return { ...c, closedSince: `${toUtc(last)}|${c.subjectId}` };
};

export const clientRetentionProjection: Projection<ClientRetention, Following> = {
  name: 'client_retention',
  version: 1,
  eventTypes: ['ClientEnrolled', 'ClientTransferredIn', 'ClientPlaced', 'ClientExited', 'ClientTransferredOut', 'CaseStepCorrected'],
  keysOf: (event) => [clientRetentionKey(event.data.subjectId)],
  evolve(rows, event) {
    const d = event.data;
    const key = clientRetentionKey(d.subjectId);
    const { closedSince: _, ...row }: ClientRetention = rows.get(key) ?? {
      subjectId: d.subjectId,
      open: [],
      closedAt: {},
      lastEventAt: d.startedAt,
    };
    const open = row.open.filter((caseId) => caseId !== d.caseId);
    const closedAt = { ...row.closedAt };
    delete closedAt[d.caseId];
    let at = 'occurredAt' in d ? d.occurredAt : d.correctedAt;
    switch (event.type) {
      case 'ClientEnrolled':
      case 'ClientTransferredIn':
        open.push(d.caseId);
        break;
      case 'ClientPlaced':
      case 'ClientExited':
        closedAt[d.caseId] = event.data.occurredAt;
        break;
      case 'ClientTransferredOut':
        break; // it goes on as another case, which arrives with ClientTransferredIn
      case 'CaseStepCorrected':
        at = event.data.correctedAt;
        if (event.data.status === 'active') open.push(d.caseId);
        else if (event.data.status === 'placed' || event.data.status === 'exited') closedAt[d.caseId] = row.closedAt[d.caseId] ?? at;
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    rows.set(key, withSortKey({ subjectId: d.subjectId, open, closedAt, lastEventAt: latest(at, row.lastEventAt) }));
  },
};
