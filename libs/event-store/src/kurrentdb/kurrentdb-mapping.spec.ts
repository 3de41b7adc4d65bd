import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevision } from '../event-store.errors.js';
import { fromResolved, isSystem, toAppendState, toPosition, toWrongExpectedRevision, type KurrentRecorded } from './kurrentdb-mapping.js';

const recorded = (overrides: Partial<KurrentRecorded> = {}): KurrentRecorded => ({
  id: '0190f3a0-0000-7000-8000-000000000000',
  streamId: 'office-0314.case-1',
  revision: 3n,
  type: 'ClientEnrolled',
  created: new Date('2026-01-02T03:04:05.678Z'),
  data: { caseId: 'c-1', nested: { list: [1, 'b'] } },
  metadata: { actor: 'Z123456', officeNumber: '0314', schemaVersion: 1 },
  isJson: true,
  position: { commit: 1234n, prepare: 1234n },
  ...overrides,
});

describe('KurrentDB mapping', () => {
  it('maps each expected revision rule to the client stream state', () => {
    expect(toAppendState('any')).toBe(ANY);
    expect(toAppendState('no_stream')).toBe(NO_STREAM);
    expect(toAppendState('exists')).toBe(STREAM_EXISTS);
    expect(toAppendState(0)).toBe(0n);
    expect(toAppendState(7)).toBe(7n);
  });

  it('maps a wrong expected version to WrongExpectedRevision with the actual revision', () => {
    const error = toWrongExpectedRevision('office-0314.case-1', 2, { actualState: 4n });
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error).toMatchObject({ streamId: 'office-0314.case-1', expected: 2, actual: 4 });
  });

  it('reports actual -1 when the stream does not exist, or has no revision (deleted)', () => {
    expect(toWrongExpectedRevision('s', 'exists', { actualState: NO_STREAM })).toMatchObject({ expected: 'exists', actual: -1 });
    expect(toWrongExpectedRevision('s', 0, { actualState: -5n }).actual).toBe(-1);
    expect(toWrongExpectedRevision('s', 0, {}).actual).toBe(-1);
  });

  it('maps a resolved JSON event to our envelope, its $all commit position as the position', () => {
    expect(fromResolved({ event: recorded(), commitPosition: 1234n })).toEqual({
      id: '0190f3a0-0000-7000-8000-000000000000',
      type: 'ClientEnrolled',
      data: { caseId: 'c-1', nested: { list: [1, 'b'] } },
      metadata: { actor: 'Z123456', officeNumber: '0314', schemaVersion: 1 },
      streamId: 'office-0314.case-1',
      revision: 3,
      position: 1234,
      recordedAt: '2026-01-02T03:04:05.678Z',
    });
  });

  it('takes the commit position beside the event when the event carries none', () => {
    expect(fromResolved({ event: recorded({ position: undefined }), commitPosition: 99n })?.position).toBe(99);
  });

  it('refuses an event that comes with no position at all', () => {
    expect(() => fromResolved({ event: recorded({ position: undefined }) })).toThrow(/without a position/);
  });

  it('hands out nothing for a missing event, a binary event or a system event', () => {
    expect(fromResolved({ commitPosition: 5n })).toBeUndefined();
    expect(fromResolved({ event: recorded({ isJson: false, data: new Uint8Array([1]) }) })).toBeUndefined();
    expect(fromResolved({ event: recorded({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' }) })).toBeUndefined();
    expect(fromResolved({ event: recorded({ type: '$metadata' }) })).toBeUndefined();
  });

  it('tells system streams and system event types apart from ours', () => {
    expect(isSystem({ streamId: '$$office-0314.case-1', type: 'x' })).toBe(true);
    expect(isSystem({ streamId: 'office-0314.case-1', type: '$>' })).toBe(true);
    expect(isSystem({ streamId: 'office-0314.case-1', type: 'ClientEnrolled' })).toBe(false);
  });

  it('turns one of our positions back into a $all position with equal commit and prepare', () => {
    expect(toPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
  });
});
