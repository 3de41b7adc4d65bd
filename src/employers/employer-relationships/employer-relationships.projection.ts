import type { Projection } from '../../../libs/projections/src/projection.js';
import { officeOfStream, type RecordedEvent } from '../../../libs/event-store/src/index.js';
import type { ClientPlaced } from '../../cases/case.js';
import { toUtc } from '../../shared/domain/time.js';
import type { EmployerContacted } from '../employer.js';
import type { RecruitmentNeedClosed, RecruitmentNeedRegistered } from '../recruitment-need.js';

/** One office's relationship with one employer; instants in UTC, so they order as strings. */
export interface EmployerRelationship {
  orgNumber: string;
  name: string | null;
  naceSection: string | null;
  contacts: number;
  lastContactAt: string | null;
  placements: number;
  lastPlacementAt: string | null;
  openNeeds: number;
}

type Relating = RecordedEvent & (EmployerContacted | ClientPlaced | RecruitmentNeedRegistered | RecruitmentNeedClosed);

export const relationshipPrefix = (office: string) => `r|${office}|`;
const keyOf = (event: Relating) => `${relationshipPrefix(officeOfStream(event.streamId)!)}${event.data.orgNumber}`;

const later = (a: string | null, b: string) => (a === null || toUtc(b) > a ? toUtc(b) : a);

export const employerRelationshipsProjection: Projection<EmployerRelationship, Relating> = {
  name: 'employer_relationships',
  // 2: instants kept in UTC (1 compared offsets as text).
  version: 2,
  eventTypes: ['EmployerContacted', 'ClientPlaced', 'RecruitmentNeedRegistered', 'RecruitmentNeedClosed'],
  keysOf: (event) => [keyOf(event)],
  evolve(rows, event) {
    const key = keyOf(event);
    const row: EmployerRelationship = rows.get(key) ?? {
      orgNumber: event.data.orgNumber, name: null, naceSection: null, contacts: 0, lastContactAt: null, placements: 0, lastPlacementAt: null, openNeeds: 0,
    };
    switch (event.type) {
      case 'EmployerContacted':
        row.contacts += 1;
        row.lastContactAt = later(row.lastContactAt, event.data.occurredAt);
        row.name = event.data.employerName ?? row.name;
        row.naceSection = event.data.naceSection ?? row.naceSection;
        break;
      case 'ClientPlaced':
        row.placements += 1;
        row.lastPlacementAt = later(row.lastPlacementAt, event.data.occurredAt);
        break;
      case 'RecruitmentNeedRegistered':
        row.openNeeds += 1;
        break;
      case 'RecruitmentNeedClosed':
        row.openNeeds = Math.max(0, row.openNeeds - 1);
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    rows.set(key, row);
  },
};
