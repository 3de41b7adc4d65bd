import { officeStream } from '@app/event-store';
import { MEASURES, type MeasureCode, type NeedGroup } from '../../src/shared/values/codes.js';
import { knownEmployer } from './employer-contacts.js';
import { eventAt, newId, type HistoryContext } from './history-context.js';
import { pickAdvisor, pickOffice, type SyntheticOffice } from './national-offices.js';
import type { PeriodAppends } from './period-appends.js';
import { intBetween, pick, skewedIndex, weighted } from './random.js';
import { DAY_MS, expDays, iso, workingMoment } from './working-time.js';

const NEED_GROUP_SHARE: Record<NeedGroup, number> = { STANDARD: 30, SITUATIONAL: 45, SPECIAL: 20, PERMANENT: 5 };
/** About 70 % of job seekers are in work later, about 34 % of those with reduced work capacity (docs/domain.md). */
const PLACED_SHARE: Record<NeedGroup, number> = { STANDARD: 0.7, SITUATIONAL: 0.55, SPECIAL: 0.34, PERMANENT: 0.15 };
const MEASURE_SHARE: Record<MeasureCode, number> = {
  INDOPPFAG: 20,
  AVKLARAG: 10,
  ARBFORB: 10,
  ARBRRHDAG: 5,
  DIGIOPPARB: 5,
  JOBBK: 8,
  GRUPPEAMO: 6,
  ENKELAMO: 4,
  ARBTREN: 10,
  MIDLONTIL: 6,
  VARLONTIL: 2,
  MENTOR: 3,
  INKLUTILS: 2,
  INDJOBSTOT: 5,
  IPSUNG: 2,
  UTVAOONAV: 2,
};
const EXIT_SHARE = { NO_JOB: 40, HEALTH: 20, MOVED: 8, EDUCATION: 12, DID_NOT_SHOW: 12, OTHER: 8 };
const TRANSFER_SHARE = 0.04;
/** The pilots' point: some offices take provider-run follow-up in-house. */
const TAKEN_IN_HOUSE = 0.15;

/** A case not yet closed: what it will do next, decided when it opened. */
interface OpenCase {
  office: SyntheticOffice;
  streamId: string;
  profile: Record<string, unknown>;
  advisor: string;
  enrolledAt: number;
  nextFollowUpAt: number;
  closesAt: number;
  outcome: 'PLACED' | 'EXITED' | 'TRANSFERRED';
}

/**
 * Every client case of the country, carried from one period to the next: enrolment, follow-ups,
 * then placement, exit or a transfer (which ends the case and opens a new case stream at another
 * office). External follow-up is sparser and now and then dropped for months (the gaps the view
 * finds). A case still running at the end of the window stays open.
 */
export class Caseload {
  private open: OpenCase[] = [];

  constructor(
    private readonly ctx: HistoryContext,
    private readonly offices: readonly SyntheticOffice[],
  ) {}

  /** A new client enrolled at the office in [from, to). */
  enrol(office: SyntheticOffice, from: number, to: number, period: PeriodAppends): void {
    const { rnd } = this.ctx;
    const measureCode = weighted(rnd, MEASURE_SHARE);
    const external = MEASURES[measureCode] === 'EXTERNAL' && rnd() >= TAKEN_IN_HOUSE;
    const enrolledAt = workingMoment(rnd, from, to);
    const profile: Record<string, unknown> = {
      caseId: newId(this.ctx, enrolledAt),
      // A random subject id per client, as the app makes them (the events never hold the pseudonym).
      subjectId: randomSubjectId(rnd),
      needGroup: weighted(rnd, NEED_GROUP_SHARE),
      followUpMode: external ? 'EXTERNAL' : 'IN_HOUSE',
      measureCode,
      startedAt: iso(enrolledAt),
    };
    if (external) profile.providerOrgNumber = office.providers[skewedIndex(rnd, office.providers.length, 1.5)];
    const advisor = pickAdvisor(rnd, office);
    this.open.push(
      this.opened(
        office,
        profile,
        advisor,
        enrolledAt,
        enrolledAt,
        'ClientEnrolled',
        { ...profile, occurredAt: iso(enrolledAt), navIdent: advisor },
        period,
      ),
    );
  }

  /** Every open case's follow-ups and closings before `to` (never past the end of the window). */
  advance(to: number, period: PeriodAppends): void {
    const until = Math.min(to, this.ctx.end);
    const stillOpen: OpenCase[] = [];
    // Transfers push the arriving case onto `this.open`, so it is advanced in the same period.
    for (let i = 0; i < this.open.length; i++) {
      const c = this.open[i]!;
      const external = c.profile.followUpMode === 'EXTERNAL';
      for (; c.nextFollowUpAt < c.closesAt && c.nextFollowUpAt < until; c.nextFollowUpAt = this.nextFollowUp(c.nextFollowUpAt, external)) {
        const kind =
          external && this.ctx.rnd() < 0.8
            ? pick(this.ctx.rnd, ['PROVIDER_CONTACT', 'PROVIDER_REPORT'])
            : pick(this.ctx.rnd, ['CLIENT_MEETING', 'CLIENT_CALL']);
        this.record(
          c,
          'ClientFollowUpRecorded',
          { caseId: c.profile.caseId, kind, occurredAt: iso(c.nextFollowUpAt), navIdent: c.advisor },
          c.nextFollowUpAt,
          period,
        );
      }
      if (c.closesAt < until) this.close(c, period);
      else stillOpen.push(c);
    }
    this.open = stillOpen;
  }

  private opened(
    office: SyntheticOffice,
    profile: Record<string, unknown>,
    advisor: string,
    startedAt: number,
    enrolledAt: number,
    type: 'ClientEnrolled' | 'ClientTransferredIn',
    data: Record<string, unknown>,
    period: PeriodAppends,
  ): OpenCase {
    const { rnd } = this.ctx;
    const r = rnd();
    const placedShare = PLACED_SHARE[profile.needGroup as NeedGroup];
    // A case transferred in does not move again: one transfer per client is plenty for the views.
    const outcome = r < placedShare ? 'PLACED' : r < placedShare + TRANSFER_SHARE && type === 'ClientEnrolled' ? 'TRANSFERRED' : 'EXITED';
    const closesAt = startedAt + (outcome === 'PLACED' ? 30 * DAY_MS + expDays(rnd, 120) : 20 * DAY_MS + expDays(rnd, 150));
    const streamId = officeStream(office.officeNumber, 'case', profile.caseId as string);
    const c: OpenCase = { office, streamId, profile, advisor, enrolledAt, nextFollowUpAt: 0, closesAt, outcome };
    // The arrival of a transfer is recorded by the sending advisor (one command, two streams).
    this.record(c, type, data, startedAt, period, data.navIdent as string);
    c.nextFollowUpAt = this.nextFollowUp(startedAt, profile.followUpMode === 'EXTERNAL');
    return c;
  }

  private close(c: OpenCase, period: PeriodAppends): void {
    const { rnd } = this.ctx;
    const closing = { ...c.profile, occurredAt: iso(c.closesAt), navIdent: c.advisor };
    if (c.outcome === 'PLACED') {
      const data: Record<string, unknown> = {
        ...closing,
        orgNumber: knownEmployer(this.ctx, c.office),
        startDate: iso(c.closesAt + intBetween(rnd, 0, 30) * DAY_MS).slice(0, 10),
        employmentPercent: Number(weighted(rnd, { '100': 55, '80': 12, '60': 10, '50': 10, '40': 8, '20': 5 })),
        employmentType: rnd() < 0.55 ? 'PERMANENT' : 'TEMPORARY',
      };
      if (c.profile.measureCode === 'MIDLONTIL' || c.profile.measureCode === 'VARLONTIL') data.wageSubsidy = true;
      this.record(c, 'ClientPlaced', data, c.closesAt, period);
    } else if (c.outcome === 'EXITED') {
      this.record(c, 'ClientExited', { ...closing, reason: weighted(rnd, EXIT_SHARE) }, c.closesAt, period);
    } else {
      const to = pickOffice(rnd, this.offices, c.office);
      const newCaseId = newId(this.ctx, c.closesAt);
      const fromCaseId = c.profile.caseId;
      const enrolledAt = iso(c.enrolledAt);
      this.record(c, 'ClientTransferredOut', { ...closing, enrolledAt, toOfficeNumber: to.officeNumber, newCaseId }, c.closesAt, period);
      const arrived: Record<string, unknown> = { ...c.profile, caseId: newCaseId, startedAt: iso(c.closesAt) };
      if (arrived.providerOrgNumber) arrived.providerOrgNumber = pick(rnd, to.providers);
      const data = {
        ...arrived,
        fromOfficeNumber: c.office.officeNumber,
        fromCaseId,
        enrolledAt,
        occurredAt: iso(c.closesAt),
        navIdent: c.advisor,
      };
      const opened = this.opened(to, arrived, pickAdvisor(rnd, to), c.closesAt, c.enrolledAt, 'ClientTransferredIn', data, period);
      // Both halves in one atomic append, as the transfer command stores them.
      period.together(c.streamId, opened.streamId);
      this.open.push(opened);
    }
  }

  private record(c: OpenCase, type: string, data: Record<string, unknown>, at: number, period: PeriodAppends, actor = c.advisor): void {
    const o = c.office.officeNumber;
    period.add(c.streamId, at, eventAt(this.ctx, type, data, o, actor, at));
  }

  /** In-house follow-up every one to four weeks; external sparser, and one gap in four is a dropped one of months. */
  private nextFollowUp(after: number, external: boolean): number {
    const { rnd } = this.ctx;
    const gapDays = external ? (rnd() < 0.25 ? intBetween(rnd, 45, 150) : intBetween(rnd, 14, 45)) : intBetween(rnd, 7, 28);
    return workingMoment(rnd, after + (gapDays - 2) * DAY_MS, after + (gapDays + 2) * DAY_MS);
  }
}

/** A UUID-shaped random subject id from the seeded generator (version nibble 4, variant 8). */
function randomSubjectId(rnd: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rnd() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
