import type { Projection, RowAccess } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import type { ClientPlaced } from '../../cases/case.js';
import { toUtc } from '../../shared/values/time.js';
import type { EmployerContacted } from '../employer.js';
import type { RecruitmentNeedClosed, RecruitmentNeedRegistered } from '../recruitment-need.js';
import type { CaseStepCorrected } from '../../cases/case-correction.js';
import type { EmployerContactCorrected, RecruitmentNeedCorrected } from '../employer-correction.js';

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
  /** Kept for corrections, left out of the answer: every placement's instant (the last one of those left) and needs ever registered. */
  placementTimes: string[];
  needs: number;
  /** Sort keys of the page orders (see `sortKeys`): ordered reads use them, the answer leaves them out. */
  byLastContact: string;
  byContacts: string;
  byPlacements: string;
}

/** The doc fields that hold the sort keys, one per order of the employers page. */
export const SORT_KEY_FIELDS = ['byLastContact', 'byContacts', 'byPlacements'] as const;
export type SortKeyField = (typeof SORT_KEY_FIELDS)[number];
type Figures = Omit<EmployerRelationship, SortKeyField>;

type Relating = RecordedEvent &
  (
    | EmployerContacted
    | ClientPlaced
    | RecruitmentNeedRegistered
    | RecruitmentNeedClosed
    | EmployerContactCorrected
    | RecruitmentNeedCorrected
  );
type Correcting = RecordedEvent & CaseStepCorrected;

export const relationshipPrefix = (office: string) => `r|${office}|`;
export const relationshipKey = (office: string, orgNumber: string) => `${relationshipPrefix(office)}${orgNumber}`;
const keyOf = (event: Relating) => relationshipKey(officeOfStream(event.streamId)!, event.data.orgNumber);
/** A case correction touches the employers of the placements it takes back. */
const placementsUndone = (event: Correcting) => event.data.undone.filter((step) => step.type === 'ClientPlaced');

/** Every sort key of an office's employers starts with this: an ordered read's prefix. */
export const sortKeyPrefix = (office: string) => `${office}|`;

// Larger figures must come first, so sort keys hold what is left below a ceiling, at a fixed width.
const COUNT_CEILING = 9_999_999_999;
const INSTANT_CEILING = 8_640_000_000_000_000; // the last instant a Date can hold
const descending = (value: number, ceiling: number) => String(ceiling - value).padStart(String(2 * ceiling).length, '0');

/**
 * The page orders as strings that sort by code point: the office, then the figure, largest (or
 * latest) first, with no last contact after every instant, then the org number (nine digits)
 * breaking ties. So an ordered read of one office's sort keys gives the page in its order.
 */
function sortKeys(office: string, r: Figures): Pick<EmployerRelationship, SortKeyField> {
  const key = (figure: string) => `${sortKeyPrefix(office)}${figure}|${r.orgNumber}`;
  return {
    byLastContact: key(r.lastContactAt === null ? '~' : descending(Date.parse(r.lastContactAt), INSTANT_CEILING)),
    byContacts: key(descending(r.contacts, COUNT_CEILING)),
    byPlacements: key(descending(r.placements, COUNT_CEILING)),
  };
}

const later = (a: string | null, b: string) => (a === null || toUtc(b) > a ? toUtc(b) : a);

const newRow = (orgNumber: string): Figures => ({
  orgNumber,
  name: null,
  naceSection: null,
  contacts: 0,
  lastContactAt: null,
  placements: 0,
  lastPlacementAt: null,
  openNeeds: 0,
  placementTimes: [],
  needs: 0,
});

/** A row nothing is left in is one that was never made: as if its steps had never been recorded. */
function store(rows: RowAccess<EmployerRelationship>, key: string, office: string, row: Figures): void {
  if (row.contacts === 0 && row.placements === 0 && row.needs === 0) rows.delete(key);
  else rows.set(key, { ...row, ...sortKeys(office, row) });
}

function undoPlacements(rows: RowAccess<EmployerRelationship>, office: string, event: Correcting): void {
  for (const step of placementsUndone(event)) {
    const key = relationshipKey(office, step.orgNumber!);
    const row: Figures = rows.get(key) ?? newRow(step.orgNumber!);
    const index = row.placementTimes.indexOf(toUtc(step.occurredAt));
    if (index >= 0) row.placementTimes.splice(index, 1);
    row.placements -= 1;
    row.lastPlacementAt = row.placementTimes.reduce<string | null>((last, at) => later(last, at), null);
    store(rows, key, office, row);
  }
}

export const employerRelationshipsProjection: Projection<EmployerRelationship, Relating | Correcting> = {
  name: 'employer_relationships',
  // 2: instants kept in UTC (1 compared offsets as text). 3: sort keys for ordered page reads. 4: corrections (placement times, needs).
  version: 4,
  eventTypes: [
    'EmployerContacted',
    'ClientPlaced',
    'RecruitmentNeedRegistered',
    'RecruitmentNeedClosed',
    'EmployerContactCorrected',
    'RecruitmentNeedCorrected',
    'CaseStepCorrected',
  ],
  keysOf: (event) =>
    event.type === 'CaseStepCorrected'
      ? placementsUndone(event).map((step) => relationshipKey(officeOfStream(event.streamId)!, step.orgNumber!))
      : [keyOf(event)],
  evolve(rows, event) {
    const office = officeOfStream(event.streamId)!;
    if (event.type === 'CaseStepCorrected') return undoPlacements(rows, office, event);
    const key = keyOf(event);
    const row: Figures = rows.get(key) ?? newRow(event.data.orgNumber);
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
        row.placementTimes.push(toUtc(event.data.occurredAt));
        break;
      case 'RecruitmentNeedRegistered':
        row.openNeeds += 1;
        row.needs += 1;
        break;
      case 'RecruitmentNeedClosed':
        row.openNeeds = Math.max(0, row.openNeeds - 1);
        break;
      case 'EmployerContactCorrected': {
        const left = event.data.remaining;
        row.contacts -= 1;
        row.lastContactAt = left.lastContactAt ? toUtc(left.lastContactAt) : null;
        row.name = left.employerName ?? null;
        row.naceSection = left.naceSection ?? null;
        break;
      }
      case 'RecruitmentNeedCorrected':
        row.needs -= 1;
        if (!event.data.closed) row.openNeeds = Math.max(0, row.openNeeds - 1);
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    store(rows, key, office, row);
  },
};
