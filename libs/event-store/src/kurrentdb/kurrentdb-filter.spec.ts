import type { RecordedEvent } from '../event-envelope.js';
import { exactlyOneOf, isSelected, serverFilter } from './kurrentdb-filter.js';

const event = (streamId: string, type: string): RecordedEvent => ({
  id: '0190f3a0-0000-7000-8000-000000000000',
  type,
  data: {},
  metadata: { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 },
  streamId,
  revision: 0,
  position: 1,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('KurrentDB filters', () => {
  it('filters on the stream name prefix on the server when a prefix is asked', () => {
    expect(serverFilter({ streamPrefix: 'office-0314.', types: ['A'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['office-0314.'],
    });
  });

  it('filters on exactly the asked event types on the server when no prefix is asked', () => {
    const filter = serverFilter({ types: ['ClientEnrolled', 'ClientExited'] });
    expect(filter).toMatchObject({ filterOn: 'eventType', regex: '^(?:ClientEnrolled|ClientExited)$' });
  });

  it('leaves out system events on the server when nothing narrower is asked', () => {
    for (const selection of [{}, { types: [] }, { streamPrefix: '' }]) {
      const filter = serverFilter(selection);
      expect(filter).toMatchObject({ filterOn: 'eventType' });
      const regex = new RegExp((filter as { regex: string }).regex);
      expect([regex.test('$statsCollected'), regex.test('ClientEnrolled')]).toEqual([false, true]);
    }
  });

  it('builds a type regex that matches whole names only, special characters taken literally', () => {
    const regex = new RegExp(exactlyOneOf(['Client.Enrolled', 'A+B']));
    expect(['Client.Enrolled', 'A+B'].map((t) => regex.test(t))).toEqual([true, true]);
    expect(['ClientXEnrolled', 'AAB', 'Client.EnrolledLater', 'OldClient.Enrolled'].some((t) => regex.test(t))).toBe(false);
  });

  it('checks prefix and types on our side as well, for what one server filter cannot cover', () => {
    const selection = { streamPrefix: 'office-0314.', types: ['Wanted'] };
    expect(isSelected(selection, event('office-0314.case-1', 'Wanted'))).toBe(true);
    expect(isSelected(selection, event('office-0314.case-1', 'Other'))).toBe(false);
    expect(isSelected(selection, event('office-0315.case-1', 'Wanted'))).toBe(false);
  });

  it('selects every event when neither prefix nor types are asked, or types are an empty list', () => {
    expect(isSelected({}, event('office-0314.case-1', 'Any'))).toBe(true);
    expect(isSelected({ types: [] }, event('office-0314.case-1', 'Any'))).toBe(true);
  });
});
