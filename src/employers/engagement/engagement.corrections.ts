import type { RowAccess } from '@app/projections';
import { toUtc } from '../../shared/values/time.js';
import { addDays, decrement, monthOf, monthsBetween } from '../../shared/views/months.js';
import { writeCompared } from './engagement.compared.js';
import {
  CONTACT_WINDOW_DAYS,
  comparedKey,
  emptyMonth,
  monthKey,
  timelineKey,
  contactWindowOf,
  type EmployerTimeline,
  type EngagementCorrection,
  type EngagementDoc,
  type EngagementMonth,
} from './engagement.rows.js';

type Rows = RowAccess<EngagementDoc>;

/** The rows a correction touches: those the corrected steps touched, and the compared month beside each month row. */
export function correctionKeys(office: string, event: EngagementCorrection): string[] {
  return touchedKeys(office, event).flatMap((key) => (key.startsWith('m|') ? [key, comparedKey(office, key.split('|')[1]!)] : [key]));
}

function touchedKeys(office: string, event: EngagementCorrection): string[] {
  switch (event.type) {
    case 'EmployerContactCorrected': {
      const at = toUtc(event.data.corrected.occurredAt);
      const months = monthsBetween(monthOf(at), monthOf(addDays(at, CONTACT_WINDOW_DAYS)));
      return [timelineKey(office, event.data.orgNumber), ...months.map((m) => monthKey(office, m))];
    }
    case 'EmployerContactByOtherOfficeCorrected':
      return [monthKey(office, monthOf(toUtc(event.data.occurredAt)))];
    case 'RecruitmentNeedCorrected': {
      const { registered, closed } = event.data;
      return [registered, ...(closed ? [closed] : [])].map((step) => monthKey(office, monthOf(toUtc(step.occurredAt))));
    }
    case 'CaseStepCorrected':
      return event.data.undone.flatMap((step) =>
        step.type === 'ClientPlaced' ? [timelineKey(office, step.orgNumber!), monthKey(office, monthOf(toUtc(step.occurredAt)))] : [],
      );
  }
}

const monthRow = (rows: Rows, office: string, month: string) =>
  (rows.get(monthKey(office, month)) as EngagementMonth | undefined) ?? emptyMonth(month);
const timelineOf = (rows: Rows, office: string, org: string) =>
  (rows.get(timelineKey(office, org)) as EmployerTimeline | undefined) ?? { contacts: [], placements: [] };

function setTimeline(rows: Rows, office: string, org: string, timeline: EmployerTimeline): void {
  if (timeline.contacts.length === 0 && timeline.placements.length === 0) rows.delete(timelineKey(office, org));
  else rows.set(timelineKey(office, org), timeline);
}

/** Takes back what the corrected steps counted: the figures stand as if they had never been recorded. */
export function undoEngagement(rows: Rows, office: string, event: EngagementCorrection): void {
  const change = (instant: string, apply: (month: EngagementMonth) => void, contact?: { orgNumber: string; navIdent: string }) => {
    const month = monthRow(rows, office, monthOf(toUtc(instant)));
    apply(month);
    rows.set(monthKey(office, month.month), month);
    writeCompared(rows, office, month, contact && { ...contact, counted: false });
  };
  switch (event.type) {
    case 'EmployerContactCorrected': {
      const { orgNumber, corrected: c } = event.data;
      change(
        c.occurredAt,
        (month) => {
          month.employerContacts -= 1;
          for (const [counts, key] of [
            [month.employers, orgNumber],
            [month.advisors, c.navIdent],
            [month.byChannel, c.channel],
            [month.byTheme, c.theme],
          ] as const) {
            decrement(counts, key);
          }
          if (c.naceSection) decrement(month.naceSections, c.naceSection);
          if (c.service && month.byService) decrement(month.byService, c.service);
        },
        { orgNumber, navIdent: c.navIdent },
      );
      const timeline = timelineOf(rows, office, orgNumber);
      const at = toUtc(c.occurredAt);
      const index = timeline.contacts.indexOf(at);
      if (index >= 0) timeline.contacts.splice(index, 1);
      // Placements that counted as after contact only thanks to this one no longer do.
      for (const placement of timeline.placements) {
        if (!placement.afterContact || timeline.contacts.some(contactWindowOf(placement.at))) continue;
        placement.afterContact = false;
        change(placement.at, (month) => (month.placementsAfterContact -= 1));
      }
      setTimeline(rows, office, orgNumber, timeline);
      return;
    }
    case 'EmployerContactByOtherOfficeCorrected':
      change(event.data.occurredAt, (month) => (month.contactsFromOtherOffices = (month.contactsFromOtherOffices ?? 0) - 1));
      return;
    case 'RecruitmentNeedCorrected': {
      const { registered, closed } = event.data;
      change(registered.occurredAt, (month) => (month.recruitmentNeedsOpened -= 1));
      if (closed?.result === 'FILLED') change(closed.occurredAt, (month) => (month.recruitmentNeedsFilled -= 1));
      return;
    }
    case 'CaseStepCorrected':
      for (const step of event.data.undone) {
        if (step.type !== 'ClientPlaced') continue;
        const timeline = timelineOf(rows, office, step.orgNumber!);
        const at = toUtc(step.occurredAt);
        const index = timeline.placements.findIndex((p) => p.at === at);
        const [placement] = index >= 0 ? timeline.placements.splice(index, 1) : [];
        setTimeline(rows, office, step.orgNumber!, timeline);
        change(step.occurredAt, (month) => {
          month.placements -= 1;
          if (placement?.afterContact) month.placementsAfterContact -= 1;
        });
      }
      return;
  }
}
