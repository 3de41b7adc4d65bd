import type { RecordedEvent } from '@app/event-store';

/** `keysOf` or `evolve` threw on an event (or made a doc that cannot be stored): the projection stops there. */
export class ProjectionEventFailed extends Error {
  override readonly name = 'ProjectionEventFailed';

  constructor(
    readonly projection: string,
    readonly position: number,
    readonly eventType: string,
    override readonly cause: unknown,
    /** The event's stream, when known (a doc that is not JSON is found after the fold, by position only). */
    readonly streamId?: string,
    /** The keys `keysOf` named, when it got that far. */
    readonly keys: readonly string[] = [],
  ) {
    super(`${projection}: ${eventType} at position ${position} failed: ${messageOf(cause)}`);
  }

  static of(
    projection: string,
    event: Pick<RecordedEvent, 'position' | 'type'> & { streamId?: string },
    cause: unknown,
    keys?: readonly string[],
  ): ProjectionEventFailed {
    if (cause instanceof ProjectionEventFailed) return cause;
    return new ProjectionEventFailed(projection, event.position, event.type, cause, event.streamId, keys);
  }
}

export class UnknownProjection extends Error {
  override readonly name = 'UnknownProjection';

  constructor(readonly projection: string) {
    super(`No projection named "${projection}" is registered`);
  }
}

/** The tables a projection needs are missing: its migration was not added to the app's list. */
export class ProjectionTablesMissing extends Error {
  override readonly name = 'ProjectionTablesMissing';

  constructor(readonly tables: readonly string[]) {
    super(
      `Missing projection tables: ${tables.join(', ')}. Add CreateProjectionCheckpoints, CreateProjectionParkedEvents and ` +
        'projectionTableMigration(<name>, <timestamp>) to the app\'s migrations (see libs/projections/README.md).',
    );
  }
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
