import type { RecordedEvent } from '@app/event-store';

/** One event as the history route shows it (the contract's shape). */
export interface HistoryEvent {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  data: unknown;
  metadata: {
    actor: string;
    commandId: string;
    correlationId: string;
    causationId: string;
    /** The version `data` is shown in: the type's current one (old events are upcast on read). */
    schemaVersion: number;
    /** Only on an upcast event: the version it is stored in. */
    storedSchemaVersion?: number;
  };
  recordedAt: string;
}

/** Named fields only: metadata may carry extras that are nobody's business outside the store. */
export const historyEventOf = (event: RecordedEvent): HistoryEvent => {
  const { actor, commandId, correlationId, causationId, schemaVersion, storedSchemaVersion } = event.metadata;
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata: {
      actor,
      commandId,
      correlationId,
      causationId,
      schemaVersion,
      ...(typeof storedSchemaVersion === 'number' ? { storedSchemaVersion } : {}),
    },
    recordedAt: event.recordedAt,
  };
};
