import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { KurrentDbEventStore } from '@app/event-store/kurrentdb';
import { KurrentDbGrpcStub, stubLog } from '@app/event-store/kurrentdb/testing';
import { LAG_COUNT_LIMIT, eventsBehind } from './projection-status.js';

describe('projection lag', () => {
  // KurrentDB's positions are byte offsets: the real adapter and client over a loopback server.
  const log = stubLog(1200);
  const stub = new KurrentDbGrpcStub(log);
  let store: KurrentDbEventStore;
  beforeAll(async () => {
    store = new KurrentDbEventStore(KurrentDBClient.connectionString(await stub.start()));
  });
  afterAll(async () => {
    await store.close();
    stub.stop();
  });

  it('counts the events after the checkpoint, not the distance between positions', async () => {
    const head = log[5]!.position;
    expect(await eventsBehind(store, log[2]!.position, head)).toBe(3);
    expect(await eventsBehind(store, 0, head)).toBe(6);
    expect(await eventsBehind(store, head, head)).toBe(0);
  });

  it('stops counting at the limit', async () => {
    expect(await eventsBehind(store, 0, log[1199]!.position)).toBe(LAG_COUNT_LIMIT);
  });
});
