import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { createKurrentDbEventStore } from './kurrentdb-event-store.js';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('KurrentDB', async () => {
    const store = await createKurrentDbEventStore({ connectionString });
    return { store, dispose: () => store.close() };
  });
} else {
  const reason = 'skipped: KURRENTDB_CONNECTION_STRING is not set (start one with docker/docker-compose.yml)';
  console.warn(`KurrentDB contract suite ${reason}`);
  // Reported as skipped, with the reason in its name, so a run without KurrentDB says so.
  describe.skip(`EventStore contract: KurrentDB — ${reason}`, () => {
    it('runs the shared contract suite against KurrentDB', () => undefined);
  });
}
