/** How the store sends SQL: TypeORM's `DataSource.query` in the app, a pg pool's on a replay's thread. */
export interface SnapshotQueries {
  query(text: string, parameters: unknown[]): Promise<unknown>;
}

/** Which fold a snapshot belongs to: a view version over one office's events of one log. */
export interface SnapshotScope {
  /** The event store's identity: positions mean nothing to another log. */
  log: string;
  view: string;
  version: number;
  office: string;
}

/** An office's documents of one view version after the office's events up to `position`. */
export interface ReplaySnapshot {
  position: number;
  /** Events of the view's types the fold had seen by then: snapshots are taken every so many. */
  eventsSeen: number;
  /** In key order, in the stored JSON shape (`InMemoryFold.docs()`). */
  docs: [string, unknown][];
  /** Positions of the events the fold parked up to `position`. */
  parked: number[];
}

/**
 * The snapshots of as-of replays (`view_replay_snapshots`). No Nest here: the replay threads
 * (`src/infrastructure/office-replay.worker.ts`) load it too, each with a connection of its own.
 */
export class ReplaySnapshotStore {
  constructor(private readonly dataSource: SnapshotQueries) {}

  /**
   * Each scope's latest snapshot at or before `toPosition` (undefined: none), in the order asked:
   * an office's views in one round trip, not one each.
   */
  async latest(scopes: readonly SnapshotScope[], toPosition: number): Promise<(ReplaySnapshot | undefined)[]> {
    if (scopes.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT asked.i, s.position, s.events_seen, s.docs, s.parked
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) WITH ORDINALITY AS asked(log, view, version, office, i)
         CROSS JOIN LATERAL (
           SELECT position, events_seen, docs, parked FROM view_replay_snapshots
            WHERE log = asked.log AND view = asked.view AND version = asked.version AND office = asked.office AND position <= $5
            ORDER BY position DESC LIMIT 1) s`,
      [scopes.map((s) => s.log), scopes.map((s) => s.view), scopes.map((s) => s.version), scopes.map((s) => s.office), toPosition],
    )) as { i: string; position: string; events_seen: number; docs: string; parked: string[] }[];
    const found: (ReplaySnapshot | undefined)[] = scopes.map(() => undefined);
    for (const row of rows) {
      found[Number(row.i) - 1] = {
        position: Number(row.position),
        eventsSeen: row.events_seen,
        docs: JSON.parse(row.docs) as [string, unknown][],
        parked: row.parked.map(Number),
      };
    }
    return found;
  }

  /** Stores a snapshot; one already there at the same position (another replay's) is the same and is kept. */
  async save(scope: SnapshotScope, snapshot: ReplaySnapshot): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO view_replay_snapshots (log, view, version, office, position, events_seen, docs, parked)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
      [
        scope.log,
        scope.view,
        scope.version,
        scope.office,
        snapshot.position,
        snapshot.eventsSeen,
        JSON.stringify(snapshot.docs),
        snapshot.parked,
      ],
    );
  }
}
