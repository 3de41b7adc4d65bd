import { workerData } from 'node:worker_threads';
import pg from 'pg';
import { CONNECTION_SETTINGS } from '@app/database';
import { PostgresEventStore, UpcastingEventStore, type EventStore } from '@app/event-store';
import type { KeyRange } from '@app/projections';
import { eventUpcasters } from './event-upcasters.js';
import type { Snapshots } from '../shared/views/snapshots/office-replay.js';
import { replayOfficeViews } from '../shared/views/snapshots/office-views-replay.js';
import { ReplaySnapshotStore } from '../shared/views/snapshots/replay-snapshot-store.js';
import { inRanges } from '../shared/views/read-ranges.js';
import { APP_PROJECTIONS } from '../views/app-views.js';

/** One office's replay as it crosses to a replay thread: plain data, the views by name. */
export interface OfficeReplayTask {
  office: string;
  /** The app's views of these names (`OfficeReplayThreads.serves` checks the caller means those). */
  views: readonly string[];
  toPosition: number;
  pageSize: number;
  /** The app's snapshots (`view_replay_snapshots`) under this log and interval; undefined: none read or stored. */
  snapshots?: { log: string; every: number };
  /** Per view: only the documents in these ranges are handed back (`inRanges`); undefined: all. */
  ranges?: (readonly KeyRange[] | undefined)[];
}

/**
 * What comes back: each view's documents as one JSON text of `[key, doc]` pairs in key order. A
 * string crosses as one copy of its bytes, where a structured clone would walk every document on
 * both threads; the calling thread parses it, which gives the same stored-shape documents.
 * A failure comes back as data too, so that its `code` (a lost connection's) survives the crossing.
 */
export type OfficeReplayed =
  | { views: { docs: string; lastPosition: number; parked: number[] }[]; saveFailures: string[] }
  | { failed: { message: string; code?: string } };

/** Where a replay reads: the thread's own connections, or the calling thread's store when the threads are given up. */
export interface ReplayConnections {
  store: Pick<EventStore, 'readAll'>;
  snapshotStore: ReplaySnapshotStore;
}

/** What each thread is started with (`workerData`). */
export interface ReplayThreadData {
  databaseUrl: string;
  /** Connections of the thread's pool: one per task it is given at once. */
  connections: number;
}

const PROJECTIONS = new Map(APP_PROJECTIONS.map((projection) => [projection.name, projection]));

export async function replayOfficeTask(task: OfficeReplayTask, connections: ReplayConnections): Promise<OfficeReplayed> {
  // The task of nothing that tells the thread loads.
  if (task.views.length === 0) return { views: [], saveFailures: [] };
  const saveFailures: string[] = [];
  const snapshots: Snapshots | undefined = task.snapshots && {
    ...task.snapshots,
    latest: (scopes, toPosition) => connections.snapshotStore.latest(scopes, toPosition),
    save: (scope, snapshot) => connections.snapshotStore.save(scope, snapshot),
    onSaveFailed: (error) => saveFailures.push(error instanceof Error ? error.message : String(error)),
  };
  try {
    const projections = task.views.map((name) => PROJECTIONS.get(name) ?? unknownView(name));
    const replayed = await replayOfficeViews(connections.store, projections, task.office, task.toPosition, snapshots, task.pageSize);
    const views = replayed.map(({ docs, lastPosition, parked }, i) => ({
      docs: JSON.stringify([...inRanges(docs, task.ranges?.[i])]),
      lastPosition,
      parked,
    }));
    return { views, saveFailures };
  } catch (error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    return { failed: { message: String(message ?? error), ...(typeof code === 'string' ? { code } : {}) } };
  }
}

function unknownView(name: string): never {
  throw new Error(`No view ${name} in this release`);
}

/**
 * The thread's connections, made at its first task: a pool of its own, shared by the event store
 * (upcasting as the app's does; not started, so no migration and no listener: it only reads) and
 * the snapshot store. Idle connections close after pg's ten seconds.
 */
function threadConnections({ databaseUrl, connections }: ReplayThreadData): ReplayConnections {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections, ...CONNECTION_SETTINGS });
  // An idle connection the server dropped is replaced on next use; it must not end the thread.
  pool.on('error', () => undefined);
  const store = new UpcastingEventStore(new PostgresEventStore(pool, { connectionString: databaseUrl }), eventUpcasters());
  const snapshotStore = new ReplaySnapshotStore({ query: async (text, parameters) => (await pool.query(text, parameters)).rows });
  return { store, snapshotStore };
}

let connections: ReplayConnections | undefined;

/** The replay thread's entry (`OfficeReplayThreads`): piscina calls the module's default export with each task. */
export default function replayOnThisThread(task: OfficeReplayTask): Promise<OfficeReplayed> {
  connections ??= threadConnections(workerData as ReplayThreadData);
  return replayOfficeTask(task, connections);
}
