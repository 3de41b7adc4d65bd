import type { Projection } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import type { ClientPlaced } from '../../cases/case.js';
import { toUtc } from '../../shared/values/time.js';
import { addDays, increment, monthOf, monthsBetween } from '../../shared/views/months.js';
import type { EmployerContacted } from '../employer.js';
import type { EmployerContactedByOtherOffice } from '../employer-home.js';
import type { RecruitmentNeedClosed, RecruitmentNeedRegistered } from '../recruitment-need.js';

/** One office's employer work in one month. Records (not lists) so each count is one place. */
export interface EngagementMonth {
  month: string;
  employerContacts: number;
  employers: Record<string, number>;
  advisors: Record<string, number>;
  byChannel: Record<string, number>;
  byTheme: Record<string, number>;
  /** Contacts by service; contacts without one (recorded before services, v2 and older) are not in it. */
  byService?: Record<string, number>;
  /** Contacts by other offices' advisors at employers whose home office this is. */
  contactsFromOtherOffices?: number;
  naceSections: Record<string, number>;
  recruitmentNeedsOpened: number;
  recruitmentNeedsFilled: number;
  placements: number;
  placementsAfterContact: number;
}

/** When (UTC) the office contacted an employer and placed clients there: for "placement after contact". */
export interface EmployerTimeline {
  contacts: string[];
  placements: { at: string; afterContact: boolean }[];
}

type Doc = EngagementMonth | EmployerTimeline;
type Engaging = RecordedEvent &
  (EmployerContacted | EmployerContactedByOtherOffice | ClientPlaced | RecruitmentNeedRegistered | RecruitmentNeedClosed);

/** A placement counts as after contact when the office contacted that employer in the 90 days before. */
export const CONTACT_WINDOW_DAYS = 90;

/** Month first, so the national comparison reads a range of months across every office. */
export const monthKey = (office: string, month: string) => `m|${month}|${office}`;
/** Every office's month rows from `from` to `to`, as the keys order them: month first. */
export const monthRowsOfEveryOffice = (from: string, to: string) => ({ from: `m|${from}`, to: `m|${to}` });
export const officeOfMonthKey = (key: string): string => key.split('|')[2]!;
export const timelinePrefix = (office: string) => `e|${office}|`;
const timelineKey = (office: string, orgNumber: string) => `${timelinePrefix(office)}${orgNumber}`;

const emptyMonth = (month: string): EngagementMonth => ({
  month,
  employerContacts: 0,
  employers: {},
  advisors: {},
  byChannel: {},
  byTheme: {},
  byService: {},
  contactsFromOtherOffices: 0,
  naceSections: {},
  recruitmentNeedsOpened: 0,
  recruitmentNeedsFilled: 0,
  placements: 0,
  placementsAfterContact: 0,
});

/** Both instants in UTC, so string order is time order. */
const within = (contactAt: string, placedAt: string) => contactAt <= placedAt && contactAt >= addDays(placedAt, -CONTACT_WINDOW_DAYS);

export const engagementProjection: Projection<Doc, Engaging> = {
  name: 'engagement',
  // 2: timelines hold UTC instants (1 compared offsets as text). 3: contacts by service, contacts from other offices.
  version: 3,
  eventTypes: ['EmployerContacted', 'EmployerContactedByOtherOffice', 'ClientPlaced', 'RecruitmentNeedRegistered', 'RecruitmentNeedClosed'],

  keysOf(event) {
    const office = officeOfStream(event.streamId)!;
    const at = toUtc(event.data.occurredAt);
    switch (event.type) {
      case 'EmployerContacted':
        // A contact registered late can turn placements of the next 90 days into "after contact".
        return [
          timelineKey(office, event.data.orgNumber),
          ...monthsBetween(monthOf(at), monthOf(addDays(at, CONTACT_WINDOW_DAYS))).map((m) => monthKey(office, m)),
        ];
      case 'ClientPlaced':
        return [timelineKey(office, event.data.orgNumber), monthKey(office, monthOf(at))];
      case 'EmployerContactedByOtherOffice':
      case 'RecruitmentNeedRegistered':
      case 'RecruitmentNeedClosed':
        return [monthKey(office, monthOf(at))];
      default: {
        const never: never = event;
        return never;
      }
    }
  },

  evolve(rows, event) {
    const office = officeOfStream(event.streamId)!;
    const at = toUtc(event.data.occurredAt);
    const monthRow = (month: string) => (rows.get(monthKey(office, month)) as EngagementMonth | undefined) ?? emptyMonth(month);
    const month = monthRow(monthOf(at));
    switch (event.type) {
      case 'EmployerContacted': {
        const d = event.data;
        month.employerContacts += 1;
        increment(month.employers, d.orgNumber);
        increment(month.advisors, d.navIdent);
        increment(month.byChannel, d.channel);
        increment(month.byTheme, d.theme);
        if (d.service) increment((month.byService ??= {}), d.service);
        if (d.naceSection) increment(month.naceSections, d.naceSection);
        rows.set(monthKey(office, month.month), month);
        const timeline = (rows.get(timelineKey(office, d.orgNumber)) as EmployerTimeline | undefined) ?? { contacts: [], placements: [] };
        timeline.contacts.push(at);
        for (const placement of timeline.placements) {
          if (placement.afterContact || !within(at, placement.at)) continue;
          placement.afterContact = true;
          const placedMonth = monthRow(monthOf(placement.at));
          placedMonth.placementsAfterContact += 1;
          rows.set(monthKey(office, placedMonth.month), placedMonth);
        }
        rows.set(timelineKey(office, d.orgNumber), timeline);
        return;
      }
      case 'ClientPlaced': {
        const timeline = (rows.get(timelineKey(office, event.data.orgNumber)) as EmployerTimeline | undefined) ?? {
          contacts: [],
          placements: [],
        };
        const afterContact = timeline.contacts.some((c) => within(c, at));
        timeline.placements.push({ at, afterContact });
        rows.set(timelineKey(office, event.data.orgNumber), timeline);
        month.placements += 1;
        if (afterContact) month.placementsAfterContact += 1;
        rows.set(monthKey(office, month.month), month);
        return;
      }
      case 'EmployerContactedByOtherOffice':
        month.contactsFromOtherOffices = (month.contactsFromOtherOffices ?? 0) + 1;
        rows.set(monthKey(office, month.month), month);
        return;
      case 'RecruitmentNeedRegistered':
        month.recruitmentNeedsOpened += 1;
        rows.set(monthKey(office, month.month), month);
        return;
      case 'RecruitmentNeedClosed':
        if (event.data.result !== 'FILLED') return;
        month.recruitmentNeedsFilled += 1;
        rows.set(monthKey(office, month.month), month);
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};
