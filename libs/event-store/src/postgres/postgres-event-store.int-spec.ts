import { createTestDatabase, type TestDatabase } from '../../../testing/src/index.js';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { createPostgresEventStore } from './postgres-event-store.js';

describeEventStoreContract('PostgreSQL', async () => {
  const db: TestDatabase = await createTestDatabase('event_store_contract');
  const store = await createPostgresEventStore({ connectionString: db.url, pollIntervalMs: 200 });
  return {
    store,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
});
