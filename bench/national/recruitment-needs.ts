import { officeStream } from '@app/event-store';
import { knownEmployer } from './employer-contacts.js';
import { eventAt, newId, type HistoryContext } from './history-context.js';
import { pickAdvisor, type SyntheticOffice } from './national-offices.js';
import type { PeriodAppends } from './period-appends.js';
import { intBetween, pick, weighted } from './random.js';
import { DAY_MS, expDays, iso, workingMoment } from './working-time.js';

const OCCUPATIONS = [
  'Butikkmedarbeider',
  'Helsefagarbeider',
  'Tømrer',
  'Kokk',
  'Renholder',
  'Sjåfør',
  'Lagermedarbeider',
  'Barnehageassistent',
  'Servitør',
  'Elektriker',
];

interface OpenNeed {
  streamId: string;
  officeNumber: string;
  advisor: string;
  base: Record<string, unknown>;
  closesAt: number;
}

/** Recruitment needs that employers the office knows register, filled or cancelled some weeks later. */
export class RecruitmentNeeds {
  private open: OpenNeed[] = [];

  constructor(private readonly ctx: HistoryContext) {}

  register(office: SyntheticOffice, from: number, to: number, period: PeriodAppends): void {
    const { rnd } = this.ctx;
    const o = office.officeNumber;
    const advisor = pickAdvisor(rnd, office);
    const registeredAt = workingMoment(rnd, from, to);
    const needId = newId(this.ctx, registeredAt);
    const base = {
      needId,
      orgNumber: knownEmployer(this.ctx, office),
      positions: Number(weighted(rnd, { '1': 60, '2': 20, '3': 10, '5': 7, '10': 3 })),
    };
    const streamId = officeStream(o, 'need', needId);
    period.add(
      streamId,
      registeredAt,
      eventAt(
        this.ctx,
        'RecruitmentNeedRegistered',
        { ...base, occupation: pick(rnd, OCCUPATIONS), occurredAt: iso(registeredAt), navIdent: advisor },
        o,
        advisor,
        registeredAt,
      ),
    );
    const closesAt = registeredAt + intBetween(rnd, 14, 30) * DAY_MS + expDays(rnd, 40);
    this.open.push({ streamId, officeNumber: o, advisor, base, closesAt });
  }

  /** Closes every open need due before `to` (a need still open at the end of the window stays open). */
  advance(to: number, period: PeriodAppends): void {
    const until = Math.min(to, this.ctx.end);
    this.open = this.open.filter((need) => {
      if (need.closesAt >= until) return true;
      const result = this.ctx.rnd() < 0.55 ? 'FILLED' : 'CANCELLED';
      const data = { ...need.base, result, occurredAt: iso(need.closesAt), navIdent: need.advisor };
      period.add(
        need.streamId,
        need.closesAt,
        eventAt(this.ctx, 'RecruitmentNeedClosed', data, need.officeNumber, need.advisor, need.closesAt),
      );
      return false;
    });
  }
}
