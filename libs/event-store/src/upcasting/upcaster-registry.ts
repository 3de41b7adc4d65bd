import type { RecordedEvent } from '../event-envelope.js';
import { EventNewerThanCode, MissingUpcaster, UpcasterConflict } from './upcasting.errors.js';

/**
 * One step of an event type's history: turns the data of `fromVersion` into that of
 * `fromVersion + 1`. Pure: old events are upcast on every read, never rewritten in the store.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown, event: RecordedEvent): unknown;
}

/**
 * Every event type's current schema version and the steps that lead there. An event older than
 * current is walked up step by step; one newer than the code knows, or one without a step to
 * take, is an error: reading it as if it had the current shape would silently misread it.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(
    private readonly currentVersionOf: (type: string) => number,
    upcasters: readonly Upcaster[],
  ) {
    for (const upcaster of upcasters) {
      const key = stepKey(upcaster.type, upcaster.fromVersion);
      if (this.steps.has(key)) throw new UpcasterConflict(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}`);
      if (upcaster.fromVersion < 1 || upcaster.fromVersion >= currentVersionOf(upcaster.type)) {
        throw new UpcasterConflict(
          `Upcaster ${upcaster.type} v${upcaster.fromVersion} leads past its current version ${currentVersionOf(upcaster.type)}`,
        );
      }
      this.steps.set(key, upcaster);
    }
  }

  /** Checks at start that every type named can be read from version 1 up: a gap fails now, not on the first old event. */
  assertComplete(types: readonly string[]): void {
    for (const type of types) {
      for (let v = 1; v < this.currentVersionOf(type); v++) {
        if (!this.steps.has(stepKey(type, v))) throw new MissingUpcaster(type, v);
      }
    }
  }

  /** The event in its type's current shape; the same object when it already has it. */
  upcast(event: RecordedEvent): RecordedEvent {
    const stored = event.metadata.schemaVersion;
    const current = this.currentVersionOf(event.type);
    if (stored === current) return event;
    if (!Number.isInteger(stored) || stored < 1 || stored > current) throw new EventNewerThanCode(event, current);
    let data = event.data;
    for (let version = stored; version < current; version++) {
      const step = this.steps.get(stepKey(event.type, version));
      if (!step) throw new MissingUpcaster(event.type, version);
      data = step.upcast(data, event);
    }
    // The stored version stays visible, so an auditor can tell what was upcast on the way out.
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: current, storedSchemaVersion: stored } };
  }
}

const stepKey = (type: string, fromVersion: number) => `${type}\u0000${fromVersion}`;
