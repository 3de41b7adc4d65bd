import { Caseload } from './client-cases.js';
import { employerContact } from './employer-contacts.js';
import { eventsOf, type HistoryAppend, type HistoryContext } from './history-context.js';
import { nationalOffices, pickOffice } from './national-offices.js';
import { PeriodAppends } from './period-appends.js';
import { random } from './random.js';
import { RecruitmentNeeds } from './recruitment-needs.js';
import { DAY_MS, nextMonth, seasonOf } from './working-time.js';

export type { HistoryAppend, StreamAppend } from './history-context.js';
export { eventsOf } from './history-context.js';

export interface NationalHistoryOptions {
  offices: number;
  years: number;
  seed: number;
  /** About how many events the whole window holds: sets the rate per month, not where to stop. */
  events: number;
  /** The history ends here (fixed, so a seed means the same events whatever the clock says). */
  end?: string;
}

export const DEFAULT_END = '2026-11-01T00:00:00Z';

/**
 * What an event of the log stands for on average, once cases have run a while: about 45 % are
 * employer contacts, half are steps of client cases (enrolment, ~5 follow-ups, closing: ~7.5
 * events a case), the rest recruitment needs (registered and closed). Tuned so that the whole
 * window holds about `events` events: the first months hold fewer (cases are still starting),
 * so every rate is raised by 4 % to make up for them over five years.
 */
const RAMP_UP = 1.04;
const CONTACTS_PER_EVENT = 0.45 * RAMP_UP;
const ENROLMENTS_PER_EVENT = (0.5 / 7.5) * RAMP_UP;
const NEEDS_PER_EVENT = (0.03 / 2) * RAMP_UP;

/**
 * The synthetic national history as appends, month by month over the window: in each month
 * the employer contacts, case steps and recruitment needs that happen in it, one append per
 * stream per month (the two streams of a transfer in one atomic append), the months in order.
 * Cases and needs carry over from month to month. It depends only on the options, so the first
 * N events of a history are its first months, the same events and ids on every run (and a
 * resume finds its place).
 */
export function* nationalHistory(options: NationalHistoryOptions): Generator<HistoryAppend> {
  const rnd = random(options.seed);
  const end = Date.parse(options.end ?? DEFAULT_END);
  const ctx: HistoryContext = { rnd, start: end - Math.round(options.years * 365.25 * DAY_MS), end };
  const offices = nationalOffices(rnd, options.offices);
  const caseload = new Caseload(ctx, offices);
  const needs = new RecruitmentNeeds(ctx);
  const perAverageMonth = options.events / (options.years * 12);
  const due = { contacts: new Due(), enrolments: new Due(), needs: new Due() };
  for (let from = ctx.start; from < end;) {
    const to = Math.min(end, nextMonth(from));
    const events = (perAverageMonth * seasonOf(from) * (to - from)) / (30.44 * DAY_MS);
    const period = new PeriodAppends();
    const office = () => pickOffice(rnd, offices);
    repeat(due.contacts.take(events * CONTACTS_PER_EVENT), () => employerContact(ctx, office(), from, to, period));
    repeat(due.enrolments.take(events * ENROLMENTS_PER_EVENT), () => caseload.enrol(office(), from, to, period));
    repeat(due.needs.take(events * NEEDS_PER_EVENT), () => needs.register(office(), from, to, period));
    caseload.advance(to, period);
    needs.advance(to, period);
    yield* period.appends();
    from = to;
  }
}

/** Whole counts per month whose sum follows the expected amounts (the fraction carries over). */
class Due {
  private carry = 0;
  take(expected: number): number {
    const total = this.carry + expected;
    this.carry = total - Math.floor(total);
    return Math.floor(total);
  }
}

const repeat = (times: number, action: () => void) => {
  for (let i = 0; i < times; i++) action();
};

/**
 * The first appends of the history holding at least `events` events in all (all of it, by
 * default). The cut falls between atomic appends, so it never splits a transfer.
 */
export function* historyOfSize(options: NationalHistoryOptions, events = options.events): Generator<HistoryAppend> {
  let count = 0;
  for (const append of nationalHistory(options)) {
    if (count >= events) return;
    count += eventsOf(append).length;
    yield append;
  }
}
