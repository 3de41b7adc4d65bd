import { officeStreamPrefix, type EventStore } from '@app/event-store';
import { InMemoryFold, ProjectionEventFailed, type AnyProjection } from '@app/projections';
import type { ReplaySnapshot, SnapshotScope } from './replay-snapshot-store.js';

/** Where an office's replay starts from and leaves its snapshots. */
export interface Snapshots {
  /** Each scope's latest snapshot at or before `toPosition` (undefined: none), in the order asked. */
  latest(scopes: readonly SnapshotScope[], toPosition: number): Promise<(ReplaySnapshot | undefined)[]>;
  save(scope: SnapshotScope, snapshot: ReplaySnapshot): Promise<void>;
  /** The event store's identity (`EventStore.identity()`). */
  log: string;
  /** A snapshot after at most this many events of a view's types in an office (fewer for a small office: `snapshotInterval`). */
  every: number;
  /** A snapshot that could not be stored costs a later replay time, not its answer. */
  onSaveFailed(error: unknown): void;
}

/** One view of one office as of a position. */
export interface OfficeReplay {
  /** In key order, in the stored JSON shape. */
  docs: Map<string, unknown>;
  /** Position of the last event of the view's types the replay included; 0 when none. */
  lastPosition: number;
  /** Positions of the events the view could not apply (left out, as the live view parks them). */
  parked: number[];
}

/** Fewer events than this are folded faster than a snapshot is stored and looked up. */
export const FEWEST_EVENTS_BETWEEN_SNAPSHOTS = 200;

/**
 * Documents of the last snapshot per event of a view's types until the next: folding an event costs
 * more than loading a document (bench/README.md, "The national as-of: shorter tails").
 */
export const DOCS_PER_EVENT_BETWEEN_SNAPSHOTS = 2;

/**
 * Events of a view's types between two snapshots of an office: half as many as the last snapshot
 * holds documents (`DOCS_PER_EVENT_BETWEEN_SNAPSHOTS`), at least `FEWEST_EVENTS_BETWEEN_SNAPSHOTS`
 * and at most `every`. A large office keeps `every`; a small one, whose whole history is shorter
 * than `every`, gets snapshots too, so a national replay (every office) folds short tails
 * everywhere while the rows stored stay in proportion to the log.
 */
export const snapshotInterval = (every: number, docs: number): number =>
  Math.min(every, Math.max(FEWEST_EVENTS_BETWEEN_SNAPSHOTS, Math.ceil(docs / DOCS_PER_EVENT_BETWEEN_SNAPSHOTS)));

/**
 * A view of one office as of `toPosition`, from the latest snapshot at or before it (or from
 * nothing) through the office's later events: the cost is the events since the snapshot, not the
 * office's history. On the way it stores a snapshot each `snapshotInterval` events of the view's
 * types it folds, so the next replay of that moment or a later one starts there. A snapshot holds
 * what the fold from nothing held at its position, so an answer from one equals the answer from
 * nothing (`snapshot-replay.int-spec.ts` checks it).
 */
export async function replayOffice(
  store: Pick<EventStore, 'readAll'>,
  projection: AnyProjection,
  office: string,
  toPosition: number,
  snapshots: Snapshots | undefined,
  pageSize: number,
): Promise<OfficeReplay> {
  const scope: SnapshotScope | undefined = snapshots && { log: snapshots.log, view: projection.name, version: projection.version, office };
  const [start] = snapshots && scope ? await snapshots.latest([scope], toPosition) : [];
  // Parking copies each row an event reads before evolve may change it, which more than doubles the
  // time. Events rarely fail: fold plainly first, and only when one fails fold the same events again, parking.
  try {
    return await foldFrom(start, false);
  } catch (error) {
    if (!(error instanceof ProjectionEventFailed)) throw error;
    return foldFrom(start, true);
  }

  async function foldFrom(snapshot: ReplaySnapshot | undefined, parking: boolean): Promise<OfficeReplay> {
    const parked = [...(snapshot?.parked ?? [])];
    const options = parking ? { onParked: (failure: ProjectionEventFailed) => parked.push(failure.position) } : {};
    const fold = snapshot
      ? InMemoryFold.resume(projection, { docs: snapshot.docs, position: snapshot.position, seen: snapshot.eventsSeen }, options)
      : new InMemoryFold<unknown>(projection, options);
    const streamPrefix = officeStreamPrefix(office);
    let lastPosition = snapshot?.position ?? 0;
    let interval = snapshots ? snapshotInterval(snapshots.every, snapshot?.docs.length ?? 0) : Infinity;
    let since = 0;
    for (let after = lastPosition; ;) {
      const page = await store.readAll({ after, toPosition, limit: pageSize, types: projection.eventTypes, streamPrefix });
      for (const event of page) {
        fold.apply([event]);
        if (snapshots && scope && ++since >= interval) {
          const taken = { position: event.position, eventsSeen: fold.eventsSeen, docs: [...fold.docs()], parked: [...parked] };
          await snapshots.save(scope, taken).catch((error: unknown) => snapshots.onSaveFailed(error));
          interval = snapshotInterval(snapshots.every, taken.docs.length);
          since = 0;
        }
      }
      if (page.length > 0) lastPosition = page[page.length - 1]!.position;
      if (page.length < pageSize) return { docs: fold.takeDocs(), lastPosition, parked };
      after = lastPosition;
    }
  }
}
