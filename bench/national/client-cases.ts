import { officeStream } from '../../libs/event-store/src/index.js';
import { MEASURES, type MeasureCode, type NeedGroup } from '../../src/shared/domain/codes.js';
import { eventAt, newId, type HistoryContext, type StreamAppend } from './history-context.js';
import { knownEmployer, pickAdvisor, pickOffice, type SyntheticOffice } from './national-offices.js';
import { intBetween, pick, skewedIndex, weighted } from './random.js';
import { DAY_MS, expDays, iso, workingMoment } from './working-time.js';

const NEED_GROUP_SHARE: Record<NeedGroup, number> = { STANDARD: 30, SITUATIONAL: 45, SPECIAL: 20, PERMANENT: 5 };
/** About 70 % of job seekers are in work later, about 34 % of those with reduced work capacity (domain.md). */
const PLACED_SHARE: Record<NeedGroup, number> = { STANDARD: 0.7, SITUATIONAL: 0.55, SPECIAL: 0.34, PERMANENT: 0.15 };
const MEASURE_SHARE: Record<MeasureCode, number> = {
  INDOPPFAG: 20, AVKLARAG: 10, ARBFORB: 10, ARBRRHDAG: 5, DIGIOPPARB: 5, JOBBK: 8, GRUPPEAMO: 6, ENKELAMO: 4,
  ARBTREN: 10, MIDLONTIL: 6, VARLONTIL: 2, MENTOR: 3, INKLUTILS: 2, INDJOBSTOT: 5, IPSUNG: 2, UTVAOONAV: 2,
};
const EXIT_SHARE = { NO_JOB: 40, HEALTH: 20, MOVED: 8, EDUCATION: 12, DID_NOT_SHOW: 12, OTHER: 8 };
const TRANSFER_SHARE = 0.04;
/** The pilots' point: some offices take provider-run follow-up in-house. */
const TAKEN_IN_HOUSE = 0.15;

/**
 * One client's case at an office: enrolment, follow-ups, then placement, exit or a transfer
 * (which continues as a new case stream at another office). External follow-up is sparser and
 * now and then dropped for months (the gaps the view finds). A case still running at the end of
 * the window stays open.
 */
export function clientCase(ctx: HistoryContext, offices: readonly SyntheticOffice[]): StreamAppend[] {
  const { rnd } = ctx;
  const office = pickOffice(rnd, offices);
  const measureCode = weighted(rnd, MEASURE_SHARE);
  const external = MEASURES[measureCode] === 'EXTERNAL' && rnd() >= TAKEN_IN_HOUSE;
  const enrolledAt = workingMoment(rnd, ctx.start, ctx.end);
  const profile: Record<string, unknown> = {
    caseId: newId(ctx, enrolledAt),
    clientRef: Array.from({ length: 8 }, () => Math.floor(rnd() * 0x1_0000_0000).toString(16).padStart(8, '0')).join(''),
    needGroup: weighted(rnd, NEED_GROUP_SHARE),
    followUpMode: external ? 'EXTERNAL' : 'IN_HOUSE',
    measureCode,
    startedAt: iso(enrolledAt),
  };
  if (external) profile.providerOrgNumber = office.providers[skewedIndex(rnd, office.providers.length, 1.5)];
  const advisor = pickAdvisor(rnd, office);
  const first = { type: 'ClientEnrolled', data: { ...profile, occurredAt: iso(enrolledAt), navIdent: advisor } };
  return caseAt(ctx, offices, office, profile, advisor, enrolledAt, enrolledAt, first);
}

function caseAt(
  ctx: HistoryContext, offices: readonly SyntheticOffice[], office: SyntheticOffice, profile: Record<string, unknown>,
  advisor: string, startedAt: number, enrolledAt: number, first: { type: string; data: Record<string, unknown> },
): StreamAppend[] {
  const { rnd } = ctx;
  const o = office.officeNumber;
  const streamId = officeStream(o, 'case', profile.caseId as string);
  // The arrival of a transfer is recorded by the sending advisor (one command, two streams).
  const events = [eventAt(ctx, first.type, first.data, o, first.data.navIdent as string, startedAt)];
  const r = rnd();
  const placed = r < PLACED_SHARE[profile.needGroup as NeedGroup];
  const transferred = !placed && r < PLACED_SHARE[profile.needGroup as NeedGroup] + TRANSFER_SHARE && first.type === 'ClientEnrolled';
  const closesAt = startedAt + (placed ? 30 * DAY_MS + expDays(rnd, 120) : 20 * DAY_MS + expDays(rnd, 150));
  const external = profile.followUpMode === 'EXTERNAL';
  for (let t = nextFollowUp(ctx, startedAt, external); t < closesAt && t < ctx.end; t = nextFollowUp(ctx, t, external)) {
    const kind = external && rnd() < 0.8 ? pick(rnd, ['PROVIDER_CONTACT', 'PROVIDER_REPORT']) : pick(rnd, ['CLIENT_MEETING', 'CLIENT_CALL']);
    events.push(eventAt(ctx, 'ClientFollowUpRecorded', { caseId: profile.caseId, kind, occurredAt: iso(t), navIdent: advisor }, o, advisor, t));
  }
  if (closesAt >= ctx.end) return [{ streamId, events }];
  const closing = { ...profile, occurredAt: iso(closesAt), navIdent: advisor };
  if (placed) {
    const data: Record<string, unknown> = {
      ...closing, orgNumber: knownEmployer(rnd, office), startDate: iso(closesAt + intBetween(rnd, 0, 30) * DAY_MS).slice(0, 10),
      employmentPercent: weighted(rnd, { '100': 55, '80': 12, '60': 10, '50': 10, '40': 8, '20': 5 }),
      employmentType: rnd() < 0.55 ? 'PERMANENT' : 'TEMPORARY',
    };
    data.employmentPercent = Number(data.employmentPercent);
    if (profile.measureCode === 'MIDLONTIL' || profile.measureCode === 'VARLONTIL') data.wageSubsidy = true;
    events.push(eventAt(ctx, 'ClientPlaced', data, o, advisor, closesAt));
    return [{ streamId, events }];
  }
  if (!transferred) {
    events.push(eventAt(ctx, 'ClientExited', { ...closing, reason: weighted(rnd, EXIT_SHARE) }, o, advisor, closesAt));
    return [{ streamId, events }];
  }
  const to = pickOffice(rnd, offices, office);
  const newCaseId = newId(ctx, closesAt);
  events.push(eventAt(ctx, 'ClientTransferredOut', { ...closing, enrolledAt: iso(enrolledAt), toOfficeNumber: to.officeNumber, newCaseId }, o, advisor, closesAt));
  const arrived: Record<string, unknown> = { ...profile, caseId: newCaseId, startedAt: iso(closesAt) };
  if (arrived.providerOrgNumber) arrived.providerOrgNumber = pick(rnd, to.providers);
  const arrival = {
    type: 'ClientTransferredIn',
    data: { ...arrived, fromOfficeNumber: o, fromCaseId: profile.caseId, enrolledAt: iso(enrolledAt), occurredAt: iso(closesAt), navIdent: advisor },
  };
  return [{ streamId, events }, ...caseAt(ctx, offices, to, arrived, pickAdvisor(rnd, to), closesAt, enrolledAt, arrival)];
}

/** In-house follow-up every one to four weeks; external sparser, and one gap in four is a dropped one of months. */
function nextFollowUp(ctx: HistoryContext, after: number, external: boolean): number {
  const { rnd } = ctx;
  const gapDays = external ? (rnd() < 0.25 ? intBetween(rnd, 45, 150) : intBetween(rnd, 14, 45)) : intBetween(rnd, 7, 28);
  return workingMoment(rnd, after + (gapDays - 2) * DAY_MS, after + (gapDays + 2) * DAY_MS);
}
