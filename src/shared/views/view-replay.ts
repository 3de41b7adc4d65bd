import { officeOfStream, officeStreamPrefix, type EventStore } from '@app/event-store';
import { InMemoryFold } from '@app/projections';
import type { AnyProjection } from '@app/projections';
import { ProjectionEventFailed } from '@app/projections';

/** Whose events a replay reads: one office's (a prefix read), some offices', or every office's (undefined). */
export type ReplayScope = { office: string } | { offices?: readonly string[] };

export interface ReplayBound {
  /** Inclusive: no event after this global position. */
  toPosition: number;
  /** With `asOf`: the replay stops at the first event recorded after this instant (ms since epoch). */
  recordedBy?: number;
}

export interface Replayed {
  folds: ReadonlyMap<string, InMemoryFold<unknown>>;
  /** Position of the last event the replay included; 0 when none. */
  lastPosition: number;
  /** Events a view could not apply, left out as the live view parks them (libs/projections README, "Failures"). */
  parked: ParkedInReplay[];
}

export interface ParkedInReplay {
  view: string;
  position: number;
}

/** Events per read: what a replay holds besides the views' documents. */
export const REPLAY_PAGE = 1000;

/**
 * The views' documents as of a point of the log, from nothing, with the projections' own fold:
 * pages of the scope's events (of the projections' types only) through one `InMemoryFold` each.
 *
 * Time is a prefix of the log, not a filter: the replay stops at the first event recorded after
 * `recordedBy`. `recordedAt` is when the appending transaction began, which can be a moment out
 * of position order; a prefix keeps "as of asOf" equal to "as of the last position included".
 */
export async function replayViews(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  scope: ReplayScope,
  bound: ReplayBound,
  pageSize = REPLAY_PAGE,
): Promise<Replayed> {
  // Parking copies each row an event reads before evolve may change it (so a failure can be taken
  // back), which more than doubles a replay's time. Events rarely fail: fold plainly first, and only
  // when one fails replay again, parking, over the same bound (so the same events).
  try {
    return await replayOnce(store, projections, scope, bound, pageSize, false);
  } catch (error) {
    if (!(error instanceof ProjectionEventFailed)) throw error;
    return replayOnce(store, projections, scope, bound, pageSize, true);
  }
}

async function replayOnce(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  scope: ReplayScope,
  bound: ReplayBound,
  pageSize: number,
  parking: boolean,
): Promise<Replayed> {
  const parked: ParkedInReplay[] = [];
  const onParked = (view: string) => (failure: ProjectionEventFailed) => parked.push({ view, position: failure.position });
  const folds = new Map(projections.map((p) => [p.name, new InMemoryFold<unknown>(p, parking ? { onParked: onParked(p.name) } : {})]));
  return replayFurther(store, { folds, lastPosition: 0, parked }, scope, 0, bound, pageSize);
}

/**
 * Folds the scope's events after position `after` up to the bound into a replay's own folds (which
 * park if they did), and returns it. A fold that throws `ProjectionEventFailed` is left half-applied:
 * replay from nothing then (`replayViews`).
 */
export async function replayFurther(
  store: Pick<EventStore, 'readAll'>,
  replayed: Replayed,
  scope: ReplayScope,
  after: number,
  bound: ReplayBound,
  pageSize = REPLAY_PAGE,
): Promise<Replayed> {
  const { folds, parked } = replayed;
  const types = [...new Set([...folds.values()].flatMap((fold) => fold.projection.eventTypes))];
  const streamPrefix = 'office' in scope ? officeStreamPrefix(scope.office) : undefined;
  const offices = 'office' in scope ? undefined : scope.offices && new Set(scope.offices);
  let lastPosition = replayed.lastPosition;
  for (;;) {
    const page = await store.readAll({ after, toPosition: bound.toPosition, limit: pageSize, types, streamPrefix });
    const end = bound.recordedBy === undefined ? -1 : page.findIndex((e) => Date.parse(e.recordedAt) > bound.recordedBy!);
    const included = end === -1 ? page : page.slice(0, end);
    const wanted = offices ? included.filter((e) => offices.has(officeOfStream(e.streamId) ?? '')) : included;
    for (const fold of folds.values()) fold.apply(wanted);
    if (included.length > 0) lastPosition = included[included.length - 1]!.position;
    if (end !== -1 || page.length < pageSize) return { folds, lastPosition, parked };
    after = page[page.length - 1]!.position;
  }
}
