import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { createKurrentDbEventStore } from './kurrentdb-event-store.js';

const connectionString = process.env.KURRENTDB_CONNECTION_STRING;

if (connectionString) {
  // One store for the whole suite: KurrentDB cannot be emptied, so every test uses its own streams.
  describeEventStoreContract('KurrentDB', async () => {
    const store = await createKurrentDbEventStore({ connectionString });
    return { store, dispose: () => store.close() };
  });
} else {
  const reason = 'skipped: KURRENTDB_CONNECTION_STRING is not set (see docker/README.md to start one)';
  console.warn(`KurrentDB contract ${reason}`);
  // Reported as skipped, with the reason in its name, so a run without KurrentDB says so.
  describe.skip(`KurrentDB contract — ${reason}`, () => {
    it(`runs the EventStore contract suite against KurrentDB — ${reason}`, () => {
      expect(connectionString).toBeDefined();
    });
  });
}
