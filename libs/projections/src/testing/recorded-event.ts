import type { EventMetadata, RecordedEvent } from '@app/event-store';

const metadata = (officeNumber: string): EventMetadata => ({
  actor: 'Z123456',
  officeNumber,
  commandId: 'command',
  correlationId: 'correlation',
  causationId: 'causation',
  schemaVersion: 1,
});

/** A stored event for unit tests of folds: position and stream are what matter. */
export function recordedEvent(
  position: number,
  type: string,
  office = '0314',
  data: unknown = {},
  stream = `office-${office}.case-${position}`,
): RecordedEvent {
  return {
    id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    type,
    data,
    metadata: metadata(office),
    streamId: stream,
    revision: 0,
    position,
    recordedAt: '2024-05-02T10:00:00.000Z',
  };
}
