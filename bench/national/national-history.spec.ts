import { validate, version } from 'uuid';
import { officeOfStream } from '../../libs/event-store/src/index.js';
import { isValidOrgNumber } from '../../src/shared/domain/org-number.js';
import { historyOfSize, type StreamAppend } from './national-history.js';

const options = { offices: 40, years: 2, seed: 42 };
const history = (seed = 42, events = 5_000): StreamAppend[] => [...historyOfSize({ ...options, seed }, events)];
const OPENING = ['ClientEnrolled', 'ClientTransferredIn'];
const CLOSING = ['ClientPlaced', 'ClientExited', 'ClientTransferredOut'];

describe('the synthetic national history', () => {
  const appends = history();
  const events = appends.flatMap((a) => a.events.map((e) => ({ ...e, streamId: a.streamId })));

  it('is the same for the same seed, ids included, and another for another seed', () => {
    expect(history()).toEqual(appends);
    expect(history(43)[0]).not.toEqual(appends[0]);
  });

  it('makes a shorter history a prefix of a longer one', () => {
    expect(history(42, 12_000).slice(0, appends.length)).toEqual(appends);
  });

  it('gives every event a unique UUIDv7 id and the metadata the command handlers write', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) {
      expect(validate(e.id!) && version(e.id!)).toBe(7);
      expect(e.metadata).toMatchObject({ actor: expect.any(String), commandId: expect.any(String), schemaVersion: 1 });
      expect(officeOfStream(e.streamId)).toBe(e.metadata.officeNumber);
      expect(e.streamId).toMatch(/^office-\d{4}\.(employer-\d{9}|case-[0-9a-f-]{36}|need-[0-9a-f-]{36})$/);
    }
  });

  it('uses only organisation numbers that pass the mod-11 check', () => {
    for (const e of events) {
      const data = e.data as Record<string, string | undefined>;
      for (const org of [data.orgNumber, data.providerOrgNumber]) if (org !== undefined) expect(isValidOrgNumber(org)).toBe(true);
    }
  });

  it('places between a third and two thirds of the cases that closed', () => {
    const count = (type: string) => events.filter((e) => e.type === type).length;
    const placed = count('ClientPlaced') / (count('ClientPlaced') + count('ClientExited') + count('ClientTransferredOut'));
    expect(placed).toBeGreaterThan(1 / 3);
    expect(placed).toBeLessThan(2 / 3);
  });

  it('writes each case in a valid order: opened once, follow-ups in time order, closed at most once and last', () => {
    for (const { streamId, events: caseEvents } of appends.filter((a) => a.streamId.includes('.case-'))) {
      const types = caseEvents.map((e) => e.type);
      expect(OPENING).toContain(types[0]);
      expect(types.slice(1, -1).every((t) => t === 'ClientFollowUpRecorded')).toBe(true);
      const last = types[types.length - 1]!;
      if (types.length > 1) expect(['ClientFollowUpRecorded', ...CLOSING]).toContain(last);
      const times = caseEvents.map((e) => Date.parse((e.data as { occurredAt: string }).occurredAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(caseEvents.every((e) => (e.data as { caseId: string }).caseId === streamId.split('.case-')[1])).toBe(true);
    }
  });

  it('follows up external cases less often than in-house ones, with gaps of over 30 days', () => {
    const gaps = (mode: string) =>
      appends
        .filter((a) => a.streamId.includes('.case-') && (a.events[0]!.data as { followUpMode: string }).followUpMode === mode)
        .flatMap((a) => a.events.map((e) => Date.parse((e.data as { occurredAt: string }).occurredAt)).slice(1).map((t, i, all) => t - (i === 0 ? Date.parse((a.events[0]!.data as { occurredAt: string }).occurredAt) : all[i - 1]!)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(gaps('EXTERNAL'))).toBeGreaterThan(median(gaps('IN_HOUSE')));
    expect(gaps('EXTERNAL').some((g) => g > 30 * 86_400_000)).toBe(true);
  });
});
