import type { DomainEvent, RecordedEvent } from '@app/event-store';

/**
 * Domain events as the store would hand them to a projection, positions rising from 1:
 * `recorded('0314', 'case-1', enrolled, placed)`. For given/when/then specs of views.
 */
export function recordedAt(startPosition: number, office: string, stream: string, ...events: DomainEvent[]): RecordedEvent[] {
  return events.map((event, i) => ({
    ...event,
    id: `00000000-0000-7000-8000-${String(startPosition + i).padStart(12, '0')}`,
    metadata: { actor: 'Z123456', officeNumber: office, commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 },
    streamId: `office-${office}.${stream}`,
    revision: i,
    position: startPosition + i,
    recordedAt: '2026-05-01T00:00:00.000Z',
  }));
}
