import { officeStream } from '../../libs/event-store/src/index.js';
import { naceSection } from '../../src/shared/domain/nace.js';
import { eventAt, newId, type HistoryContext, type StreamAppend } from './history-context.js';
import { pickAdvisor, type SyntheticOffice } from './national-offices.js';
import { intBetween, orgNumber, pick, weighted } from './random.js';
import { expDays, iso, workingMoment } from './working-time.js';

/** Establishments by employees (SSB): heavily skewed to the smallest; contacts over five years grow with size. */
const SIZE_CLASSES = { micro: 60, small: 28, medium: 10, large: 2 };
const CONTACTS_IN_FIVE_YEARS: Record<keyof typeof SIZE_CLASSES, [number, number]> = {
  micro: [1, 2], small: [1, 5], medium: [3, 15], large: [10, 60],
};
const CHANNEL_SHARE = { PHONE: 35, EMAIL: 25, MEETING: 12, VISIT: 15, VIDEO: 8, SMS: 5 };
const THEME_SHARE = { RECRUITMENT: 35, INCLUSION: 20, SICK_LEAVE_PREVENTION: 10, ADAPTATION: 8, DOWNSIZING: 3, GENERAL_OUTREACH: 20, SURVEY: 4 };
/** Common NACE divisions by share of establishments: retail, health, building, hospitality, services, industry. */
const DIVISION_SHARE = { '47': 14, '86': 6, '87': 5, '88': 6, '41': 6, '43': 10, '56': 7, '55': 2, '62': 4, '70': 4, '81': 4, '49': 4, '10': 3, '25': 3, '85': 5, '96': 5, '01': 3, '46': 5, '68': 4 };

/**
 * An employer the office has not met before, and all its contacts with the office over the
 * years (stream `office-<o>.employer-<org>`, in time order). When the area has no establishment
 * left to meet, an employer met before gets another round of contacts.
 */
export function employerContacts(ctx: HistoryContext, office: SyntheticOffice): StreamAppend {
  const { rnd } = ctx;
  let org: string;
  if (office.employers.length < office.employerCapacity) {
    org = orgNumber(rnd);
    office.employers.push(org);
  } else org = pick(rnd, office.employers);
  const size = weighted(rnd, SIZE_CLASSES);
  const years = (ctx.end - ctx.start) / (365.25 * 86_400_000);
  const [min, max] = CONTACTS_IN_FIVE_YEARS[size];
  const contacts = Math.max(1, Math.round(intBetween(rnd, min, max) * years / 5));
  const naceCode = `${weighted(rnd, DIVISION_SHARE)}.${intBetween(rnd, 1, 9)}00`;
  const employerName = rnd() < 0.7 ? `${pick(rnd, NAME_PARTS)} ${pick(rnd, NAME_KINDS)} ${org.slice(-3)}` : undefined;
  const streamId = officeStream(office.officeNumber, 'employer', org);
  const events = [];
  let t = workingMoment(rnd, ctx.start, ctx.end);
  for (let i = 0; i < contacts && t < ctx.end; i++) {
    const advisor = pickAdvisor(rnd, office);
    const channel = weighted(rnd, CHANNEL_SHARE);
    const data: Record<string, unknown> = {
      contactId: newId(ctx, t), orgNumber: org, naceCode, naceSection: naceSection(naceCode),
      channel, theme: weighted(rnd, THEME_SHARE), occurredAt: iso(t), navIdent: advisor,
    };
    if (employerName) data.employerName = employerName;
    if (channel === 'MEETING' || channel === 'VISIT') data.durationMinutes = intBetween(rnd, 2, 8) * 15;
    events.push(eventAt(ctx, 'EmployerContacted', data, office.officeNumber, advisor, t));
    t = workingMoment(rnd, t + expDays(rnd, 120), t + expDays(rnd, 120) + 30 * 86_400_000);
  }
  return { streamId, events };
}

const NAME_PARTS = ['Nordlys', 'Fjord', 'Bygg', 'Helse', 'Transport', 'Handel', 'Mat', 'Service', 'Data', 'Omsorg', 'Elektro', 'Kafé'];
const NAME_KINDS = ['AS', 'AS', 'AS', 'ASA', 'SA', 'ENK', 'DA'];
