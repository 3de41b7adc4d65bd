import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { WrongExpectedRevision } from '../event-store.errors.js';
import { isOurs, prefixRegex, toAppendState, toRecordedEvent, toWrongExpectedRevision } from './kurrentdb-mapping.js';

describe('KurrentDB mapping', () => {
  it('maps each expected revision rule to the client state', () => {
    expect(toAppendState('any')).toBe(ANY);
    expect(toAppendState('no_stream')).toBe(NO_STREAM);
    expect(toAppendState('exists')).toBe(STREAM_EXISTS);
    expect(toAppendState(7)).toBe(7n);
  });

  it('maps a wrong expected version to WrongExpectedRevision, -1 when the stream is missing', () => {
    const existing = toWrongExpectedRevision('s', 2, { actualState: 4n });
    expect(existing).toBeInstanceOf(WrongExpectedRevision);
    expect(existing).toMatchObject({ streamId: 's', expected: 2, actual: 4 });
    expect(toWrongExpectedRevision('s', 'exists', { actualState: NO_STREAM }).actual).toBe(-1);
  });

  it('maps a recorded event to our envelope with its $all commit position', () => {
    const created = new Date('2026-01-02T03:04:05.000Z');
    const event = {
      id: '0190f3a0-0000-7000-8000-000000000000',
      streamId: 'office-0314.case-1',
      revision: 3n,
      type: 'ClientPlaced',
      created,
      data: { orgNumber: '974760673' },
      metadata: { actor: 'Z123456' },
      isJson: true,
      position: { commit: 1234n, prepare: 1234n },
    };
    expect(toRecordedEvent(event)).toEqual({
      id: event.id,
      type: 'ClientPlaced',
      data: { orgNumber: '974760673' },
      metadata: { actor: 'Z123456' },
      streamId: 'office-0314.case-1',
      revision: 3,
      position: 1234,
      recordedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(toRecordedEvent({ ...event, position: undefined }, 99n).position).toBe(99);
    expect(() => toRecordedEvent({ ...event, position: undefined })).toThrow(/without a position/);
  });

  it('keeps system streams and events out', () => {
    expect(isOurs({ streamId: '$stats-127.0.0.1', type: 'x' })).toBe(false);
    expect(isOurs({ streamId: 'office-0314.case-1', type: '$metadata' })).toBe(false);
    expect(isOurs({ streamId: 'office-0314.case-1', type: 'ClientEnrolled' })).toBe(true);
  });

  it('escapes a stream prefix for the server-side regex filter', () => {
    expect(prefixRegex('office-0314.')).toBe('^office-0314\\.');
    expect(new RegExp(prefixRegex('office-0314.')).test('office-0314.case-1')).toBe(true);
    expect(new RegExp(prefixRegex('office-0314.')).test('office-0314Xcase-1')).toBe(false);
  });
});
