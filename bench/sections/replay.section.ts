import type { DataSource } from 'typeorm';
import { officeStreamPrefix, type EventStore } from '@app/event-store';
import { foldInMemory, InMemoryFold, type AnyProjection } from '@app/projections';
import { followUpGapsView, outcomesView } from '../../src/cases/cases.views.js';
import { employerRelationshipsView } from '../../src/employers/employer-relationships/employer-relationships.view.js';
import { engagementView, inquiriesView } from '../../src/employers/employers.views.js';
import type { Snapshots } from '../../src/shared/views/snapshots/office-replay.js';
import { ReplaySnapshotStore } from '../../src/shared/views/snapshots/replay-snapshot-store.js';
import type { ReplayThreads } from '../../src/shared/views/snapshots/replay-threads.js';
import { comparedRanges } from '../../src/offices/get-offices.query.js';
import { rangesByView } from '../../src/shared/views/read-ranges.js';
import { periodOf } from '../../src/shared/views/query-params.js';
import { REPLAY_PAGE, replayViews } from '../../src/shared/views/view-replay.js';
import { percentile, round } from '../report/percentiles.js';

/** What each as-of route replays: one view of the office, or the offices view's four. */
export const OFFICES_VIEW = [engagementView.projection, outcomesView.projection, followUpGapsView.projection, inquiriesView.projection];
export const AS_OF_ROUTES = {
  engagement: [engagementView.projection],
  outcomes: [outcomesView.projection],
  followUpGaps: [followUpGapsView.projection],
  employers: [employerRelationshipsView.projection],
  inquiries: [inquiriesView.projection],
  offices: OFFICES_VIEW,
};

export interface ReplayFigures {
  officeNumber: string;
  events: number;
  /** Read the office's events (prefix read) and fold them through every projection: what as-of replay does. */
  largestOfficeMs: number;
  readMs: number;
}

/** The office with the most events in the log (one index-only count per category). */
export async function largestOfficeInLog(query: (sql: string) => Promise<{ category: string; events: string }[]>): Promise<string> {
  const rows = await query(`SELECT stream_category AS category, count(*) AS events FROM es_events
    WHERE stream_category LIKE 'office-%' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
  if (!rows[0]) throw new Error('the log holds no office streams');
  return rows[0].category.slice('office-'.length);
}

export async function measureReplay(
  store: EventStore,
  projections: readonly AnyProjection[],
  officeNumber: string,
): Promise<ReplayFigures> {
  const started = performance.now();
  const events = await store.readAll({ streamPrefix: officeStreamPrefix(officeNumber) });
  const readMs = performance.now() - started;
  for (const projection of projections) foldInMemory(projection, events);
  return { officeNumber, events: events.length, largestOfficeMs: Math.round(performance.now() - started), readMs: Math.round(readMs) };
}

export interface AsOfFigures {
  /** A snapshot after every this many of the office's events of a view's types. */
  snapshotEvery: number;
  /** The first as-of replay of the office at its last event, every view, taking the snapshots on the way. */
  firstReplayMs: number;
  snapshots: number;
  snapshotMB: number;
  /** Random positions between the office's first and last event. */
  moments: number;
  /**
   * An as-of replay of each view of the office (the offices view: its four views) from its snapshots,
   * p50/p99 in ms, and the p50 of the same from nothing (as before snapshots) at the first few moments.
   */
  views: Record<string, { p50: number; p99: number; fromNothingP50: number }>;
  /** The highest of those p99s: "any as-of view of the largest office". */
  worstViewP99Ms: number;
  /** Every view of the office at once from snapshots (what `largestOfficeMs` replays from nothing), p50/p99. */
  allViews: { p50: number; p99: number };
}

/** Replays from nothing take seconds at 1M events: the comparison takes a few. */
const FROM_NOTHING_MOMENTS = 5;

/** The as-of replays of one office's views that query handlers run, with the app's snapshot store. */
export async function measureAsOfFromSnapshots(
  store: EventStore,
  dataSource: DataSource,
  views: Record<string, readonly AnyProjection[]>,
  officeNumber: string,
  options: { every: number; moments: number; seed?: number },
): Promise<AsOfFigures> {
  const snapshots = await snapshotsIn(store, dataSource, options.every);
  const every = [...new Set(Object.values(views).flat())];
  const scope = { office: officeNumber };
  const [first] = await store.readAll({ streamPrefix: officeStreamPrefix(officeNumber), limit: 1 });
  const [last] = await store.readAll({ streamPrefix: officeStreamPrefix(officeNumber), limit: 1, direction: 'backwards' });
  if (!first || !last) throw new Error(`office ${officeNumber} has no events`);
  const started = performance.now();
  await replayViews(store, every, scope, { toPosition: last.position }, { snapshots });
  const firstReplayMs = Math.round(performance.now() - started);
  const random = seeded(options.seed ?? 16);
  const moments = Array.from(
    { length: options.moments },
    () => first.position + Math.floor(random() * (last.position - first.position + 1)),
  );
  const timed = async (projections: readonly AnyProjection[], at: readonly number[], from?: Snapshots) => {
    const timings: number[] = [];
    for (const toPosition of at) {
      const t = performance.now();
      await replayViews(store, projections, scope, { toPosition }, { snapshots: from });
      timings.push(performance.now() - t);
    }
    return { p50: round(percentile(timings, 50), 1), p99: round(percentile(timings, 99), 1) };
  };
  const byView: AsOfFigures['views'] = {};
  for (const [name, projections] of Object.entries(views)) {
    const fromNothing = await timed(projections, moments.slice(0, FROM_NOTHING_MOMENTS));
    byView[name] = { ...(await timed(projections, moments, snapshots)), fromNothingP50: fromNothing.p50 };
  }
  const [{ n, bytes }] = (await dataSource.query(
    `SELECT count(*)::int AS n, coalesce(sum(octet_length(docs)), 0)::bigint AS bytes
       FROM view_replay_snapshots WHERE log = $1 AND office = $2`,
    [snapshots.log, officeNumber],
  )) as [{ n: number; bytes: string }];
  return {
    snapshotEvery: options.every,
    firstReplayMs,
    snapshots: n,
    snapshotMB: round(Number(bytes) / 1e6, 1),
    moments: options.moments,
    views: byView,
    worstViewP99Ms: Math.max(...Object.values(byView).map((v) => v.p99)),
    allViews: await timed(every, moments, snapshots),
  };
}

export interface NationalAsOfFigures {
  offices: number;
  /** The first national replay, at the last event: every office-view from its latest snapshot, taking new ones on the way. */
  firstMs: number;
  /** Later replays at random positions of the log's second half (what an auditor asks), from snapshots: p50/max. */
  moments: number;
  p50Ms: number;
  maxMs: number;
  /** Each later replay (ms), in the order asked. */
  timingsMs?: number[];
  /** Threads the offices were folded on (0: this thread). */
  threads?: number;
  /** The same positions asked of the app (`GET /offices?asOfPosition=`): the replay, the reads and the comparison. */
  overHttp?: { p50Ms: number; maxMs: number };
}

/**
 * An auditor's `GET /offices?asOf=` replay: the offices view's four views, every office from its own
 * snapshots, handing back what the answer reads; on `threads` as the app's `ViewReader` hands them
 * (none: on this thread).
 */
export async function measureNationalOfficesAsOf(
  store: EventStore,
  dataSource: DataSource,
  projections: readonly AnyProjection[],
  options: { every: number; moments: number; seed?: number; threads?: ReplayThreads },
): Promise<NationalAsOfFigures> {
  const snapshots = await snapshotsIn(store, dataSource, options.every);
  const { threads } = options;
  // What the offices answer reads as of the moment: its default period, the twelve months before it.
  const replayAt = async (toPosition: number) => {
    const [last] = await store.readAll({ toPosition, direction: 'backwards', limit: 1 });
    const now = last?.recordedAt ?? new Date().toISOString();
    const ranges = rangesByView(Object.values(comparedRanges(periodOf({}, now), now, undefined)));
    return replayViews(store, projections, {}, { toPosition }, { snapshots, threads, ranges });
  };
  const head = await store.headPosition();
  const started = performance.now();
  await replayAt(head);
  const firstMs = Math.round(performance.now() - started);
  const timings: number[] = [];
  for (const toPosition of nationalMoments(head, options.moments, options.seed)) {
    const t = performance.now();
    await replayAt(toPosition);
    timings.push(performance.now() - t);
  }
  return {
    offices: (await store.streamCategories(head)).filter((c) => c.startsWith('office-')).length,
    firstMs,
    moments: options.moments,
    p50Ms: Math.round(percentile(timings, 50)),
    maxMs: Math.round(Math.max(...timings)),
    timingsMs: timings.map(Math.round),
    threads: threads?.serves(projections) ? threads.threadCount : 0,
  };
}

/** Positions of the log's second half, the same every run for the same head: the moments an auditor asks for. */
export function nationalMoments(head: number, count: number, seed = 16): number[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => Math.floor(head / 2 + random() * (head / 2)));
}

/**
 * An auditor's `GET /offices?asOfPosition=` at the national moments, one at a time, after
 * `measureNationalOfficesAsOf` left snapshots: the answer as the auditor waits for it, the replay
 * with the period's reads and the comparison of every office.
 */
export async function measureNationalOfficesAsOfOverHttp(
  apiBase: string,
  auditorToken: string,
  head: number,
  moments: number,
): Promise<{ p50Ms: number; maxMs: number }> {
  const timings: number[] = [];
  for (const position of nationalMoments(head, moments)) {
    const t = performance.now();
    const response = await fetch(`${apiBase}/offices?asOfPosition=${position}`, { headers: { authorization: `Bearer ${auditorToken}` } });
    const answer = (await response.json()) as { offices?: unknown[] };
    timings.push(performance.now() - t);
    if (!response.ok || !answer.offices?.length) throw new Error(`GET /offices?asOfPosition=${position}: HTTP ${response.status}`);
  }
  return { p50Ms: Math.round(percentile(timings, 50)), maxMs: Math.round(Math.max(...timings)) };
}

/** The same replay as before snapshots, for comparison: one fold of the whole log. */
export async function measureNationalWholeLog(store: EventStore, projections: readonly AnyProjection[]): Promise<number> {
  const started = performance.now();
  const folds = projections.map((p) => new InMemoryFold<unknown>(p));
  const types = [...new Set(projections.flatMap((p) => p.eventTypes))];
  for (let after = 0; ;) {
    const page = await store.readAll({ after, limit: REPLAY_PAGE, types });
    for (const fold of folds) fold.apply(page);
    if (page.length < REPLAY_PAGE) break;
    after = page[page.length - 1]!.position;
  }
  for (const fold of folds) fold.docs();
  return Math.round(performance.now() - started);
}

/** The app's snapshot store, as `ViewReader` hands it to a replay. */
async function snapshotsIn(store: EventStore, dataSource: DataSource, every: number): Promise<Snapshots> {
  const snapshotStore = new ReplaySnapshotStore(dataSource);
  return {
    latest: (scopes, toPosition) => snapshotStore.latest(scopes, toPosition),
    save: (scope, snapshot) => snapshotStore.save(scope, snapshot),
    log: await store.identity(),
    every,
    onSaveFailed: (error) => {
      throw error;
    },
  };
}

/** A small deterministic generator (mulberry32), so runs ask for the same moments. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
