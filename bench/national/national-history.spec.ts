import { validate, version } from 'uuid';
import { officeOfStream, type NewEvent } from '@app/event-store';
import { schemaVersionOf } from '../../src/shared/commands/schema-versions.js';
import { isValidOrgNumber } from '../../src/shared/values/org-number.js';
import { employerOfArea } from './employer-contacts.js';
import { historyOfSize, type StreamAppend } from './national-history.js';
import { nationalOffices } from './national-offices.js';
import { random } from './random.js';

/** Two years at 1,000 events a month: 5,000 events are its first five months or so. */
const options = { offices: 40, years: 2, seed: 42, events: 24_000 };
const history = (seed = 42, events = 5_000): StreamAppend[] => [...historyOfSize({ ...options, seed }, events)];
const OPENING = ['ClientEnrolled', 'ClientTransferredIn'];
const CLOSING = ['ClientPlaced', 'ClientExited', 'ClientTransferredOut'];
type Data = Record<string, string | undefined>;
const at = (e: NewEvent) => Date.parse((e.data as { occurredAt: string }).occurredAt);
const month = (e: NewEvent) => (e.data as { occurredAt: string }).occurredAt.slice(0, 7);
/** Each stream's events in log order, across its appends. */
const byStream = (appends: StreamAppend[]) => {
  const streams = new Map<string, NewEvent[]>();
  for (const a of appends) streams.set(a.streamId, [...(streams.get(a.streamId) ?? []), ...a.events]);
  return streams;
};

describe('the synthetic national history', () => {
  const appends = history();
  const events = appends.flatMap((a) => a.events.map((e) => ({ ...e, streamId: a.streamId })));
  const streams = byStream(appends);
  const cases = [...streams].filter(([streamId]) => streamId.includes('.case-'));

  it('is the same for the same seed, ids included, and another for another seed', () => {
    expect(history()).toEqual(appends);
    expect(history(43)[0]).not.toEqual(appends[0]);
  });

  it('runs month by month, so a shorter history is the first months of a longer one', () => {
    const longer = history(42, 12_000);
    expect(longer.slice(0, appends.length)).toEqual(appends);
    const months = longer.flatMap((a) => a.events.map(month));
    expect([...months].sort()).toEqual(months);
    const lastMonth = months[events.length - 1]!;
    expect(new Set(months.slice(0, events.length)).size).toBeGreaterThanOrEqual(4);
    expect(months.slice(events.length).every((m) => m >= lastMonth)).toBe(true);
  });

  it('groups each stream\'s events of a month into one append', () => {
    const seen = new Set<string>();
    for (const a of appends) {
      const key = `${a.streamId} ${month(a.events[0]!)}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(new Set(a.events.map(month)).size).toBe(1);
    }
    expect(appends.some((a) => a.events.length > 1)).toBe(true);
  });

  it('gives every event a unique UUIDv7 id and the metadata the command handlers write', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.some((e) => e.type === 'EmployerContacted' && e.metadata.schemaVersion === 2)).toBe(true);
    for (const e of events) {
      expect(validate(e.id!) && version(e.id!)).toBe(7);
      expect(e.metadata).toMatchObject({ actor: expect.any(String), commandId: expect.any(String), schemaVersion: schemaVersionOf(e.type) });
      expect(officeOfStream(e.streamId)).toBe(e.metadata.officeNumber);
      expect(e.streamId).toMatch(/^office-\d{4}\.(employer-\d{9}|case-[0-9a-f-]{36}|need-[0-9a-f-]{36})$/);
    }
  });

  it('uses only organisation numbers that pass the mod-11 check', () => {
    for (const e of events) {
      const data = e.data as Data;
      for (const org of [data.orgNumber, data.providerOrgNumber]) if (org !== undefined) expect(isValidOrgNumber(org)).toBe(true);
    }
  });

  it('places between a third and two thirds of the cases that closed', () => {
    const count = (type: string) => events.filter((e) => e.type === type).length;
    const placed = count('ClientPlaced') / (count('ClientPlaced') + count('ClientExited') + count('ClientTransferredOut'));
    expect(placed).toBeGreaterThan(1 / 3);
    expect(placed).toBeLessThan(2 / 3);
  });

  it('writes each case in a valid order across months: opened once, follow-ups in time order, closed at most once and last', () => {
    expect(cases.some(([, caseEvents]) => new Set(caseEvents.map(month)).size > 2)).toBe(true);
    for (const [streamId, caseEvents] of cases) {
      const types = caseEvents.map((e) => e.type);
      expect(OPENING).toContain(types[0]);
      expect(types.slice(1, -1).every((t) => t === 'ClientFollowUpRecorded')).toBe(true);
      if (types.length > 1) expect(['ClientFollowUpRecorded', ...CLOSING]).toContain(types[types.length - 1]);
      const times = caseEvents.map(at);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(caseEvents.every((e) => (e.data as Data).caseId === streamId.split('.case-')[1])).toBe(true);
    }
  });

  it('continues a transferred case as a new case at the new office, opened when the old one closed', () => {
    const transfers = events.filter((e) => e.type === 'ClientTransferredOut');
    expect(transfers.length).toBeGreaterThan(0);
    for (const out of transfers) {
      const data = out.data as Data;
      const arrival = streams.get(`office-${data.toOfficeNumber}.case-${data.newCaseId}`)?.[0];
      expect(arrival).toMatchObject({ type: 'ClientTransferredIn', data: { fromOfficeNumber: out.metadata.officeNumber, fromCaseId: data.caseId, occurredAt: data.occurredAt } });
      expect(data.toOfficeNumber).not.toBe(out.metadata.officeNumber);
    }
  });

  it('registers each recruitment need before it closes, and closes it at most once', () => {
    for (const [streamId, needEvents] of [...streams].filter(([id]) => id.includes('.need-'))) {
      expect(needEvents[0]!.type).toBe('RecruitmentNeedRegistered');
      expect(needEvents.slice(1).map((e) => e.type)).toEqual(needEvents.length > 1 ? ['RecruitmentNeedClosed'] : []);
      expect(needEvents.map(at)).toEqual(needEvents.map(at).sort((a, b) => a - b));
      expect(streamId.endsWith((needEvents[0]!.data as Data).needId!)).toBe(true);
    }
  });

  it('follows up external cases less often than in-house ones, with gaps of over 30 days', () => {
    const gaps = (mode: string) =>
      cases
        .filter(([, caseEvents]) => (caseEvents[0]!.data as Data).followUpMode === mode)
        .flatMap(([, caseEvents]) => caseEvents.map(at).slice(1).map((t, i) => t - at(caseEvents[i]!)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(gaps('EXTERNAL'))).toBeGreaterThan(median(gaps('IN_HOUSE')));
    expect(gaps('EXTERNAL').some((g) => g > 30 * 86_400_000)).toBe(true);
  });

  it('makes far fewer employer contacts and enrolments in July than in September', () => {
    const all = history(42, 24_000).flatMap((a) => a.events.filter((e) => e.type === 'EmployerContacted' || e.type === 'ClientEnrolled').map(month));
    const inMonth = (m: string) => all.filter((x) => x === m).length;
    expect(inMonth('2025-09')).toBeGreaterThan(500);
    expect(inMonth('2025-07')).toBeLessThan(0.5 * inMonth('2025-09'));
  });
});

describe('the employers of an office\'s area', () => {
  it('are a bounded pool: new ones get rarer as the area is met, and there are never more than the area holds', () => {
    const office = { ...nationalOffices(random(1), 1)[0]!, employers: [], employerCapacity: 200 };
    const ctx = { rnd: random(2), start: 0, end: 0 };
    const met = Array.from({ length: 4_000 }, () => employerOfArea(ctx, office).orgNumber);
    const distinctBefore = (n: number) => new Set(met.slice(0, n)).size;
    expect(distinctBefore(4_000)).toBeLessThanOrEqual(200);
    expect(office.employers.length).toBe(distinctBefore(4_000));
    expect(distinctBefore(1_000)).toBeGreaterThan(2 * (distinctBefore(4_000) - distinctBefore(3_000)));
  });
});
