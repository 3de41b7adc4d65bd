import { officeStream } from '../../libs/event-store/src/index.js';
import { eventAt, newId, type HistoryContext, type StreamAppend } from './history-context.js';
import { knownEmployer, pickAdvisor, pickOffice, type SyntheticOffice } from './national-offices.js';
import { intBetween, pick, weighted } from './random.js';
import { DAY_MS, expDays, iso, workingMoment } from './working-time.js';

const OCCUPATIONS = ['Butikkmedarbeider', 'Helsefagarbeider', 'Tømrer', 'Kokk', 'Renholder', 'Sjåfør', 'Lagermedarbeider', 'Barnehageassistent', 'Servitør', 'Elektriker'];

/** A recruitment need an employer the office knows registered, filled or cancelled some weeks later. */
export function recruitmentNeed(ctx: HistoryContext, offices: readonly SyntheticOffice[]): StreamAppend {
  const { rnd } = ctx;
  const office = pickOffice(rnd, offices);
  const o = office.officeNumber;
  const advisor = pickAdvisor(rnd, office);
  const registeredAt = workingMoment(rnd, ctx.start, ctx.end);
  const needId = newId(ctx, registeredAt);
  const orgNumber = knownEmployer(rnd, office);
  const positions = weighted(rnd, { '1': 60, '2': 20, '3': 10, '5': 7, '10': 3 });
  const base = { needId, orgNumber, positions: Number(positions) };
  const events = [eventAt(ctx, 'RecruitmentNeedRegistered', { ...base, occupation: pick(rnd, OCCUPATIONS), occurredAt: iso(registeredAt), navIdent: advisor }, o, advisor, registeredAt)];
  const closedAt = registeredAt + intBetween(rnd, 14, 30) * DAY_MS + expDays(rnd, 40);
  if (closedAt < ctx.end) {
    const result = rnd() < 0.55 ? 'FILLED' : 'CANCELLED';
    events.push(eventAt(ctx, 'RecruitmentNeedClosed', { ...base, result, occurredAt: iso(closedAt), navIdent: advisor }, o, advisor, closedAt));
  }
  return { streamId: officeStream(o, 'need', needId), events };
}
