import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createPostgresEventStore, officeStream, type EventStore } from '@app/event-store';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import {
  CreateProjectionCheckpoints1764000000000,
  CreateProjectionParkedEvents1767000000000,
  RecordCheckpointEventStore1767000000002,
  projectionTableMigration,
} from './projection.migrations.js';
import { ProjectionEngine } from './projection-engine.js';
import { ProjectionsModule } from './projections.module.js';
import { countKey, countingProjection } from './testing/counting-projection.js';

const EVENT_STORE = Symbol('EVENT_STORE');
const counts = countingProjection();

describe('ProjectionsModule', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('projections_module');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('runs the registered projections from bootstrap to shutdown', async () => {
    const store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 100 });

    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class EventStoreTestModule {}

    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: db.url,
          synchronize: false,
          migrationsRun: true,
          migrations: [
            CreateProjectionCheckpoints1764000000000,
            CreateProjectionParkedEvents1767000000000,
            RecordCheckpointEventStore1767000000002,
            projectionTableMigration(counts.name, 1764000000001),
          ],
        }),
        EventStoreTestModule,
        ProjectionsModule.forRoot({
          projections: [counts],
          eventStore: EVENT_STORE,
          imports: [EventStoreTestModule],
          engine: { retryIntervalMs: 100 },
        }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const engine = app.get(ProjectionEngine);
    try {
      const appended = await (store as EventStore).append(officeStream('0314', 'case', 'a'), [
        {
          type: 'CaseEnrolled',
          data: {},
          metadata: { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 },
        },
      ]);
      expect(await engine.waitForPosition(counts.name, appended.position, 20_000)).toBe(true);
      expect((await engine.loadDocs(counts)).docs.get(countKey('0314'))?.events).toBe(1);
      expect((await engine.statusOf(counts.name)).role).toBe('leader');
    } finally {
      await app.close();
      await store.close();
    }
    expect(engine.running).toBe(false);
  });
});
