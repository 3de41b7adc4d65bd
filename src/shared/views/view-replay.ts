import { officeStreamPrefix, type EventStore } from '@app/event-store';
import { compareKeys, InMemoryFold, ProjectionEventFailed, type AnyProjection } from '@app/projections';
import { replayOffice, type Snapshots } from './snapshots/office-replay.js';

/** Whose events a replay reads: one office's, some offices' (prefix reads each), or every office's (undefined). */
export type ReplayScope = { office: string } | { offices?: readonly string[] };

export interface ReplayBound {
  /** Inclusive: no event after this global position. */
  toPosition: number;
  /** With `asOf`: the replay stops at the first event recorded after this instant (ms since epoch). */
  recordedBy?: number;
}

export interface Replayed {
  /** Each view's documents, by view name, in key order and stored JSON shape. */
  docs: ReadonlyMap<string, Map<string, unknown>>;
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
 * The views' documents as of a point of the log, with the projections' own fold.
 *
 * Time is a prefix of the log, not a filter: the replay stops at the first event of the scope
 * (of the projections' types) recorded after `recordedBy`. `recordedAt` is when the appending
 * transaction began, which can be a moment out of position order; a prefix keeps "as of asOf"
 * equal to "as of the last position included".
 *
 * An office's events are read by its stream prefix, so a manager's replay costs their offices'
 * events; with `snapshots`, only those after each view's latest snapshot of the office. Every view
 * an office scope replays keys its rows by the office of the event's stream, so the offices' docs
 * never overlap and their union is the fold of all their events. Every office's (national) is one
 * read of the whole log.
 */
export async function replayViews(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  scope: ReplayScope,
  bound: ReplayBound,
  { snapshots, pageSize = REPLAY_PAGE }: { snapshots?: Snapshots; pageSize?: number } = {},
): Promise<Replayed> {
  const offices = 'office' in scope ? [scope.office] : scope.offices;
  if (!offices) return replayEveryOffice(store, projections, bound, pageSize);
  const types = [...new Set(projections.flatMap((p) => p.eventTypes))];
  const toPosition = await cutAt(store, offices, types, bound);
  const docs = new Map(projections.map((p) => [p.name, new Map<string, unknown>()]));
  const parked: ParkedInReplay[] = [];
  let lastPosition = 0;
  for (const office of [...new Set(offices)].sort()) {
    for (const projection of projections) {
      const replayed = await replayOffice(store, projection, office, toPosition, snapshots, pageSize);
      const into = docs.get(projection.name)!;
      for (const [key, doc] of replayed.docs) into.set(key, doc);
      parked.push(...replayed.parked.map((position) => ({ view: projection.name, position })));
      lastPosition = Math.max(lastPosition, replayed.lastPosition);
    }
  }
  // One office's docs come in key order already; several offices' are put in order once merged.
  const inOrder = (byKey: Map<string, unknown>) =>
    offices.length === 1 ? byKey : new Map([...byKey].sort(([a], [b]) => compareKeys(a, b)));
  const sorted = new Map([...docs].map(([view, byKey]) => [view, inOrder(byKey)]));
  return { docs: sorted, lastPosition, parked: parked.sort((a, b) => a.position - b.position || a.view.localeCompare(b.view)) };
}

/**
 * The last position an office scope's replay includes: `toPosition`, or with `recordedBy` the one
 * before the first event of the offices (of `types`) recorded after it.
 */
async function cutAt(store: Pick<EventStore, 'readAll'>, offices: readonly string[], types: string[], bound: ReplayBound): Promise<number> {
  if (bound.recordedBy === undefined) return bound.toPosition;
  const recordedFrom = new Date(bound.recordedBy + 1).toISOString();
  let cut = bound.toPosition;
  for (const office of offices) {
    const [first] = await store.readAll({ streamPrefix: officeStreamPrefix(office), types, recordedFrom, toPosition: cut, limit: 1 });
    if (first) cut = first.position - 1;
  }
  return cut;
}

async function replayEveryOffice(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  bound: ReplayBound,
  pageSize: number,
): Promise<Replayed> {
  // As in `replayOffice`: plainly first, and parking only when an event fails.
  try {
    return await replayEveryOfficeOnce(store, projections, bound, pageSize, false);
  } catch (error) {
    if (!(error instanceof ProjectionEventFailed)) throw error;
    return replayEveryOfficeOnce(store, projections, bound, pageSize, true);
  }
}

async function replayEveryOfficeOnce(
  store: Pick<EventStore, 'readAll'>,
  projections: readonly AnyProjection[],
  bound: ReplayBound,
  pageSize: number,
  parking: boolean,
): Promise<Replayed> {
  const parked: ParkedInReplay[] = [];
  const onParked = (view: string) => (failure: ProjectionEventFailed) => parked.push({ view, position: failure.position });
  const folds = new Map(projections.map((p) => [p.name, new InMemoryFold<unknown>(p, parking ? { onParked: onParked(p.name) } : {})]));
  const types = [...new Set(projections.flatMap((p) => p.eventTypes))];
  let lastPosition = 0;
  const replayed = () => ({ docs: new Map([...folds].map(([view, fold]) => [view, fold.docs()])), lastPosition, parked });
  for (let after = 0; ;) {
    const page = await store.readAll({ after, toPosition: bound.toPosition, limit: pageSize, types });
    const end = bound.recordedBy === undefined ? -1 : page.findIndex((e) => Date.parse(e.recordedAt) > bound.recordedBy!);
    const included = end === -1 ? page : page.slice(0, end);
    for (const fold of folds.values()) fold.apply(included);
    if (included.length > 0) lastPosition = included[included.length - 1]!.position;
    if (end !== -1 || page.length < pageSize) return replayed();
    after = page[page.length - 1]!.position;
  }
}
