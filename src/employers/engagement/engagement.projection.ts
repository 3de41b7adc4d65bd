import type { Projection } from '@app/projections';
import { officeOfStream, type RecordedEvent } from '@app/event-store';
import type { ClientPlaced } from '../../cases/case.js';
import { toUtc } from '../../shared/values/time.js';
import { addDays, increment, monthOf, monthsBetween } from '../../shared/views/months.js';
import type { EmployerContacted } from '../employer.js';
import type { EmployerContactedByOtherOffice } from '../employer-home.js';
import type { RecruitmentNeedClosed, RecruitmentNeedRegistered } from '../recruitment-need.js';
import { writeCompared } from './engagement.compared.js';
import { correctionKeys, undoEngagement } from './engagement.corrections.js';
import { CONTACT_WINDOW_DAYS, comparedKey, contactWindowOf, emptyMonth, monthKey, timelineKey, within } from './engagement.rows.js';
import type { EmployerTimeline, EngagementCorrection, EngagementDoc, EngagementMonth } from './engagement.rows.js';

export {
  CONTACT_WINDOW_DAYS,
  comparedKey,
  timelineKey,
  monthKey,
  comparedMonthsOfEveryOffice,
  timelinePrefix,
  type ComparedMonth,
  type EmployerTimeline,
  type EngagementMonth,
} from './engagement.rows.js';

type Doc = EngagementDoc;
type Engaging =
  | (RecordedEvent &
      (EmployerContacted | EmployerContactedByOtherOffice | ClientPlaced | RecruitmentNeedRegistered | RecruitmentNeedClosed))
  | EngagementCorrection;

const CORRECTIONS = new Set([
  'EmployerContactCorrected',
  'EmployerContactByOtherOfficeCorrected',
  'RecruitmentNeedCorrected',
  'CaseStepCorrected',
]);
const isCorrection = (event: Engaging): event is EngagementCorrection => CORRECTIONS.has(event.type);

export const engagementProjection: Projection<Doc, Engaging> = {
  name: 'engagement',
  // 2: timelines hold UTC instants (1 compared offsets as text). 3: contacts by service, contacts from
  // other offices (inquiries, issue 17), with corrected contacts taken out of byService too. Corrections
  // (issue 14) kept 2, so 3 is above both: main's v2 rows are rebuilt with services and corrections.
  // EmployerContactByOtherOfficeCorrected came later without a new version: no row held one before.
  // 4: a compared month (`c|<month>|<office>`) beside each month row, for the offices comparison.
  version: 4,
  eventTypes: [
    'EmployerContacted',
    'EmployerContactedByOtherOffice',
    'ClientPlaced',
    'RecruitmentNeedRegistered',
    'RecruitmentNeedClosed',
    'EmployerContactCorrected',
    'EmployerContactByOtherOfficeCorrected',
    'RecruitmentNeedCorrected',
    'CaseStepCorrected',
  ],

  keysOf(event) {
    const office = officeOfStream(event.streamId)!;
    if (isCorrection(event)) return correctionKeys(office, event);
    const at = toUtc(event.data.occurredAt);
    switch (event.type) {
      case 'EmployerContacted':
        // A contact registered late can turn placements of the next 90 days into "after contact"
        // (their month rows exist, and so do their compared months, which do not change).
        return [
          timelineKey(office, event.data.orgNumber),
          comparedKey(office, monthOf(at)),
          ...monthsBetween(monthOf(at), monthOf(addDays(at, CONTACT_WINDOW_DAYS))).map((m) => monthKey(office, m)),
        ];
      case 'ClientPlaced':
        return [timelineKey(office, event.data.orgNumber), monthKey(office, monthOf(at)), comparedKey(office, monthOf(at))];
      case 'EmployerContactedByOtherOffice':
      case 'RecruitmentNeedRegistered':
      case 'RecruitmentNeedClosed':
        return [monthKey(office, monthOf(at)), comparedKey(office, monthOf(at))];
      default: {
        const never: never = event;
        return never;
      }
    }
  },

  evolve(rows, event) {
    const office = officeOfStream(event.streamId)!;
    if (isCorrection(event)) return undoEngagement(rows, office, event);
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
        writeCompared(rows, office, month, { orgNumber: d.orgNumber, navIdent: d.navIdent, counted: true });
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
        const afterContact = timeline.contacts.some(contactWindowOf(at));
        timeline.placements.push({ at, afterContact });
        rows.set(timelineKey(office, event.data.orgNumber), timeline);
        month.placements += 1;
        if (afterContact) month.placementsAfterContact += 1;
        rows.set(monthKey(office, month.month), month);
        writeCompared(rows, office, month);
        return;
      }
      case 'EmployerContactedByOtherOffice':
        month.contactsFromOtherOffices = (month.contactsFromOtherOffices ?? 0) + 1;
        rows.set(monthKey(office, month.month), month);
        writeCompared(rows, office, month);
        return;
      case 'RecruitmentNeedRegistered':
        month.recruitmentNeedsOpened += 1;
        rows.set(monthKey(office, month.month), month);
        writeCompared(rows, office, month);
        return;
      case 'RecruitmentNeedClosed':
        if (event.data.result !== 'FILLED') return;
        month.recruitmentNeedsFilled += 1;
        rows.set(monthKey(office, month.month), month);
        writeCompared(rows, office, month);
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};
