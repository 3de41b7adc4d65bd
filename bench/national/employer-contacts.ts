import { officeStream } from '@app/event-store';
import { naceSection } from '../../src/shared/values/nace.js';
import { eventAt, newId, type HistoryContext } from './history-context.js';
import { pickAdvisor, type SyntheticOffice } from './national-offices.js';
import type { PeriodAppends } from './period-appends.js';
import { intBetween, orgNumber, pick, skewedIndex, weighted } from './random.js';
import { workingMoment } from './working-time.js';

type SizeClass = 'micro' | 'small' | 'medium' | 'large';
/** Establishments by employees (SSB): heavily skewed to the smallest. */
const SIZE_SHARE: Record<SizeClass, number> = { micro: 60, small: 28, medium: 10, large: 2 };
/** Contacts an establishment gets over five years, on average: micro 1–2, small 1–5, medium 3–15, large 10–60. */
const CONTACT_PROPENSITY: Record<SizeClass, number> = { micro: 1.5, small: 3, medium: 9, large: 35 };
/** Which size class the next contact goes to: many small establishments against a few much-contacted large ones. */
const CONTACT_SHARE = Object.fromEntries(Object.entries(SIZE_SHARE).map(([size, share]) => [size, share * CONTACT_PROPENSITY[size as SizeClass]])) as Record<SizeClass, number>;
const CHANNEL_SHARE = { PHONE: 35, EMAIL: 25, MEETING: 12, VISIT: 15, VIDEO: 8, SMS: 5 };
const THEME_SHARE = { RECRUITMENT: 35, INCLUSION: 20, SICK_LEAVE_PREVENTION: 10, ADAPTATION: 8, DOWNSIZING: 3, GENERAL_OUTREACH: 20, SURVEY: 4 };
/** Common NACE divisions by share of establishments: retail, health, building, hospitality, services, industry. */
const DIVISION_SHARE = { '47': 14, '86': 6, '87': 5, '88': 6, '41': 6, '43': 10, '56': 7, '55': 2, '62': 4, '70': 4, '81': 4, '49': 4, '10': 3, '25': 3, '85': 5, '96': 5, '01': 3, '46': 5, '68': 4 };

interface SyntheticEmployer {
  orgNumber: string;
  naceCode: string;
  employerName?: string;
}

/** The establishments of each office's area the history has met so far, by size class. */
const areas = new WeakMap<SyntheticOffice, Record<SizeClass, SyntheticEmployer[]>>();

/**
 * The establishment of the office's area the next contact goes to. The area holds
 * `employerCapacity` establishments; each is as likely as its size class's propensity, and one
 * not met before is made when it is first drawn. So an office meets new employers quickly at
 * first and ever more rarely: its pool is bounded by its area, never growing without end.
 */
export function employerOfArea(ctx: HistoryContext, office: SyntheticOffice): SyntheticEmployer {
  const { rnd } = ctx;
  let area = areas.get(office);
  if (!area) areas.set(office, (area = { micro: [], small: [], medium: [], large: [] }));
  const size = weighted(rnd, CONTACT_SHARE);
  const inClass = Math.max(1, Math.round((office.employerCapacity * SIZE_SHARE[size]) / 100));
  const index = Math.floor(rnd() * inClass);
  const met = area[size];
  if (index < met.length) return met[index]!;
  const org = orgNumber(rnd);
  const employer: SyntheticEmployer = { orgNumber: org, naceCode: `${weighted(rnd, DIVISION_SHARE)}.${intBetween(rnd, 1, 9)}00` };
  if (rnd() < 0.7) employer.employerName = `${pick(rnd, NAME_PARTS)} ${pick(rnd, NAME_KINDS)} ${org.slice(-3)}`;
  met.push(employer);
  office.employers.push(org);
  return employer;
}

/** An employer the office has already met, recent ones more often (a placement or a need follows outreach). */
export function knownEmployer(ctx: HistoryContext, office: SyntheticOffice): string {
  if (office.employers.length === 0) return employerOfArea(ctx, office).orgNumber;
  return office.employers[office.employers.length - 1 - skewedIndex(ctx.rnd, office.employers.length, 2)]!;
}

/** One employer contact of the office in [from, to), on the employer's stream `office-<o>.employer-<org>`. */
export function employerContact(ctx: HistoryContext, office: SyntheticOffice, from: number, to: number, period: PeriodAppends): void {
  const { rnd } = ctx;
  const employer = employerOfArea(ctx, office);
  const t = workingMoment(rnd, from, to);
  const advisor = pickAdvisor(rnd, office);
  const channel = weighted(rnd, CHANNEL_SHARE);
  const { orgNumber: org, naceCode, employerName } = employer;
  const data: Record<string, unknown> = {
    contactId: newId(ctx, t), orgNumber: org, naceCode, naceSection: naceSection(naceCode),
    channel, theme: weighted(rnd, THEME_SHARE), occurredAt: new Date(t).toISOString(), navIdent: advisor,
  };
  if (employerName) data.employerName = employerName;
  if (channel === 'MEETING' || channel === 'VISIT') data.durationMinutes = intBetween(rnd, 2, 8) * 15;
  period.add(officeStream(office.officeNumber, 'employer', org), t, eventAt(ctx, 'EmployerContacted', data, office.officeNumber, advisor, t));
}

const NAME_PARTS = ['Nordlys', 'Fjord', 'Bygg', 'Helse', 'Transport', 'Handel', 'Mat', 'Service', 'Data', 'Omsorg', 'Elektro', 'Kafé'];
const NAME_KINDS = ['AS', 'AS', 'AS', 'ASA', 'SA', 'ENK', 'DA'];
