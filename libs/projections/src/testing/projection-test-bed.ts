import { DataSource } from 'typeorm';
import { createPostgresEventStore, officeStream, type NewEvent, type PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import {
  CreateProjectionCheckpoints1764000000000,
  CreateProjectionParkedEvents1767000000000,
  RecordCheckpointEventStore1767000000002,
  projectionTableMigration,
} from '../projection.migrations.js';
import { ProjectionEngine, type ProjectionEngineOptions } from '../projection-engine.js';
import type { AnyProjection } from '../projection.js';
import { projectionTables } from '../projection-tables.js';
import { progressTable, type Track } from '../progress.js';

/**
 * One test database with the PostgreSQL event store and the projection tables made by the
 * migrations, and "instances" of the app: each engine gets a DataSource of its own, as a
 * separate process would.
 */
export class ProjectionTestBed {
  private readonly dataSources: DataSource[] = [];
  private readonly engines: ProjectionEngine[] = [];
  /**
   * Position of the last event appended here: what a test waits for. Not `store.headPosition()`,
   * which is the last *readable* position and lags while any transaction (a projection batch, say)
   * that began before the append still runs.
   */
  lastAppended = 0;

  private constructor(
    readonly db: TestDatabase,
    readonly store: PostgresEventStore,
    readonly dataSource: DataSource,
    private readonly migrations: ReturnType<typeof migrationsFor>,
  ) {
    this.dataSources.push(dataSource);
  }

  /** `server`: a PostgreSQL of the test's own (one it stops), instead of the run's. */
  static async create(label: string, projectionNames: readonly string[], server?: string): Promise<ProjectionTestBed> {
    const db = await createTestDatabase(label, server);
    const store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 100 });
    const migrations = migrationsFor(projectionNames);
    const dataSource = await openDataSource(db.url, migrations);
    await dataSource.runMigrations();
    return new ProjectionTestBed(db, store, dataSource, migrations);
  }

  /** An engine as one app instance would run it, on its own connection pool. */
  async engine(projections: readonly AnyProjection[], options: Partial<ProjectionEngineOptions> = {}): Promise<ProjectionEngine> {
    const dataSource = await openDataSource(this.db.url, this.migrations);
    this.dataSources.push(dataSource);
    const engine = new ProjectionEngine({
      dataSource,
      eventStore: this.store,
      projections,
      batchSize: 200,
      // Small as well, so that rebuild tests cross several batches and windows.
      rebuildBatchSize: 200,
      rebuildWindowEvents: 200,
      retryIntervalMs: 100,
      pollIntervalMs: 20,
      ...options,
    });
    this.engines.push(engine);
    return engine;
  }

  /** `count` events spread over offices and streams, some of types no projection counts. */
  async append(count: number, offices = ['0314', '5701', '1201']): Promise<RecordedEvent[]> {
    const recorded: RecordedEvent[] = [];
    for (let start = 0; start < count; start += 50) {
      const n = Math.min(50, count - start);
      const office = offices[(start / 50) % offices.length]!;
      const events = Array.from({ length: n }, (_, i) => newEvent(office, start + i));
      recorded.push(...(await this.store.append(officeStream(office, 'case', `s${start}`), events)).events);
    }
    this.lastAppended = Math.max(this.lastAppended, ...recorded.map((e) => e.position));
    return recorded;
  }

  /** Every event up to the last appended (call once a view has reached it, so all are readable). */
  async allEvents(): Promise<RecordedEvent[]> {
    return this.store.readAll({ toPosition: this.lastAppended });
  }

  /**
   * What another connection sees of a track while a batch is open: the highest `last_position` of
   * its table's committed rows and its committed progress row. Rows and progress commit together,
   * so seen from outside no row is ever ahead of the progress.
   */
  async seenFromOutside(projection: string, track: Track): Promise<{ rows: number; progress: number }> {
    const { live, shadow } = projectionTables(projection);
    const [seen] = await this.dataSource.query(
      `SELECT (SELECT coalesce(max(last_position), 0) FROM ${track === 'live' ? live : shadow}) AS rows,
              (SELECT position FROM ${progressTable(track)} WHERE name = $1) AS progress`,
      [projection],
    );
    return { rows: Number(seen.rows), progress: Number(seen.progress) };
  }

  async stopEngines(): Promise<void> {
    await Promise.all(this.engines.map((engine) => engine.stop()));
  }

  async close(): Promise<void> {
    await this.stopEngines();
    await Promise.all(this.dataSources.map((ds) => ds.destroy()));
    await this.store.close();
    await this.db.drop();
  }
}

const TYPES = ['ContactRecorded', 'CaseEnrolled', 'NoteWritten'];

const newEvent = (office: string, n: number): NewEvent => ({
  type: TYPES[n % TYPES.length]!,
  data: { n },
  metadata: { actor: 'Z123456', officeNumber: office, commandId: `c${n}`, correlationId: `c${n}`, causationId: `c${n}`, schemaVersion: 1 },
});

const migrationsFor = (names: readonly string[]) => [
  CreateProjectionCheckpoints1764000000000,
  CreateProjectionParkedEvents1767000000000,
  RecordCheckpointEventStore1767000000002,
  ...names.map((name, i) => projectionTableMigration(name, 1764000000001 + i)),
];

async function openDataSource(url: string, migrations: ReturnType<typeof migrationsFor>): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, synchronize: false, extra: { max: 6 } });
  return dataSource.initialize();
}

/** Waits for a condition the system reaches by itself; fails with `what` if it never does. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A promise the test resolves when it wants a paused runner to go on. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
