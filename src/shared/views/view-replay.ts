import { officeOfCategory, officeStreamPrefix, type EventStore } from '@app/event-store';
import { sortByKey, type AnyProjection } from '@app/projections';
import type { OfficeReplay, Snapshots } from './snapshots/office-replay.js';
import { replayOfficeViews } from './snapshots/office-views-replay.js';
import type { ReplayThreads } from './snapshots/replay-threads.js';
import { inRanges, type ReadRanges } from './read-ranges.js';

/** Whose events a replay reads: one office's, some offices' or every office's (undefined); each office by its prefix. */
export type ReplayScope = { office: string } | { offices?: readonly string[] };

export interface ReplayBound {
  /** Inclusive: no event after this global position. */
  toPosition: number;
  /** With `asOf`: the replay stops at the first event recorded after this instant (ms since epoch). */
  recordedBy?: number;
}

export interface Replayed {
  /** Each view's documents (with `ranges`, those in its ranges), by view name, in key order and stored JSON shape. */
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

/** Offices a replay of several reads at once on the calling thread. */
const OFFICES_AT_ONCE = 4;

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
 * a replay folds (the routes' as-of views; not client retention, keyed by person and never
 * replayed) keys its rows by the office of the event's stream, so the offices' docs
 * never overlap and their union is the fold of all their events. Every office's (national) is the
 * same over the offices with events up to the cut (`streamCategories`): an office whose first
 * event comes later has nothing to replay, and the fold of each office from its snapshot is what
 * one fold of the whole log holds for it.
 *
 * With `threads` that fold these projections, the offices are folded on worker threads
 * (`ReplayThreads`) and this thread only merges their documents: the same fold of the same events
 * and snapshots, so the same answer. With `ranges`, each office hands back only the documents the
 * answer reads (`ReadRanges`).
 */
export async function replayViews(
  store: Pick<EventStore, 'readAll' | 'streamCategories'>,
  projections: readonly AnyProjection[],
  scope: ReplayScope,
  bound: ReplayBound,
  options: { snapshots?: Snapshots; pageSize?: number; threads?: ReplayThreads; ranges?: ReadRanges } = {},
): Promise<Replayed> {
  const { snapshots, pageSize = REPLAY_PAGE, threads } = options;
  const types = [...new Set(projections.flatMap((p) => p.eventTypes))];
  const asked = 'office' in scope ? [scope.office] : scope.offices;
  const toPosition = asked ? await cutAt(store, asked, types, bound) : await cutEverywhere(store, types, bound);
  const offices = asked ?? (await officesUpTo(store, toPosition));
  const docs = new Map(projections.map((p) => [p.name, new Map<string, unknown>()]));
  const parked: ParkedInReplay[] = [];
  let lastPosition = 0;
  // A few offices at once: each waits on its reads most of the time. Merged in office order afterwards,
  // so the answer does not depend on which finished first.
  const queue = [...new Set(offices)].sort();
  const byOffice = new Map<string, OfficeReplay[]>();
  const ranges = options.ranges && projections.map((p) => options.ranges!.get(p.name));
  const onThreads = threads?.serves(projections) ? threads : undefined;
  const replayOffice = onThreads
    ? (office: string) => onThreads.replayOffice(projections, office, { toPosition, snapshots, pageSize, ranges })
    : async (office: string) => {
        const views = await replayOfficeViews(store, projections, office, toPosition, snapshots, pageSize);
        return views.map((view, i) => ({ ...view, docs: inRanges(view.docs, ranges?.[i]) }));
      };
  const worker = async () => {
    for (let office = queue.shift(); office !== undefined; office = queue.shift()) {
      try {
        byOffice.set(office, await replayOffice(office));
      } catch (error) {
        // A failed office fails the answer: the offices not yet begun are not replayed for nothing.
        queue.length = 0;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(onThreads?.officesAtOnce ?? OFFICES_AT_ONCE, queue.length) }, worker));
  for (const office of [...byOffice.keys()].sort()) {
    byOffice.get(office)!.forEach((view, i) => {
      const name = projections[i]!.name;
      const into = docs.get(name)!;
      for (const [key, doc] of view.docs) into.set(key, doc);
      parked.push(...view.parked.map((position) => ({ view: name, position })));
      lastPosition = Math.max(lastPosition, view.lastPosition);
    });
  }
  // One office's docs come in key order already; several offices' are put in order once merged.
  const inOrder = (byKey: Map<string, unknown>) => (offices.length === 1 ? byKey : new Map(sortByKey([...byKey])));
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

/** The same for every office: the one before the first event of the log (of `types`) recorded after `recordedBy`. */
async function cutEverywhere(store: Pick<EventStore, 'readAll'>, types: string[], bound: ReplayBound): Promise<number> {
  if (bound.recordedBy === undefined) return bound.toPosition;
  const recordedFrom = new Date(bound.recordedBy + 1).toISOString();
  const [first] = await store.readAll({ types, recordedFrom, toPosition: bound.toPosition, limit: 1 });
  return first ? first.position - 1 : bound.toPosition;
}

/** The offices whose streams hold an event at or before `toPosition`. */
async function officesUpTo(store: Pick<EventStore, 'streamCategories'>, toPosition: number): Promise<string[]> {
  const categories = await store.streamCategories(toPosition);
  return categories.map(officeOfCategory).filter((office): office is string => office !== undefined);
}
