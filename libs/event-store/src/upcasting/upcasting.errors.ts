import type { RecordedEvent } from '../event-envelope.js';

/**
 * An event written by newer code than this (or with a schema version that is not a version at
 * all). Reading on would misread it, so the read fails: deploy the newer code.
 */
export class EventNewerThanCode extends Error {
  override readonly name = 'EventNewerThanCode';
  constructor(event: RecordedEvent, current: number) {
    super(
      `${event.type} at position ${event.position} has schema version ${String(event.metadata.schemaVersion)}; ` +
        `this code knows up to ${current}`,
    );
  }
}

/** No step from one version of a type to the next: the registry has a gap. */
export class MissingUpcaster extends Error {
  override readonly name = 'MissingUpcaster';
  constructor(type: string, fromVersion: number) {
    super(`No upcaster for ${type} from version ${fromVersion} to ${fromVersion + 1}`);
  }
}

/** Upcasters that cannot all be right (two for one step, or one past the current version). */
export class UpcasterConflict extends Error {
  override readonly name = 'UpcasterConflict';
}
