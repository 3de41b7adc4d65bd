import { v7 as uuidv7 } from 'uuid';
import type { AppendResult } from '../event-store.port.js';
import { anEvent, uniquePrefix } from '../contract/contract-fixtures.js';
import { createKurrentDbEventStore, type KurrentDbEventStore } from './kurrentdb-event-store.js';

// A 3-node cluster (docker/kurrentdb-cluster.yml): the client's connection string, and each node's HTTP address.
const connectionString = process.env.KURRENTDB_CLUSTER_CONNECTION_STRING;
const nodes = process.env.KURRENTDB_CLUSTER_HTTP?.split(',').filter(Boolean) ?? [];

const WRITERS = 8;
const RUN_MS = 15_000;
const RESIGN_AFTER_MS = 3_000;

/** The leader's instance id, from any node's gossip. */
async function leader(): Promise<string> {
  for (const node of nodes) {
    const gossip = (await fetch(`${node}/gossip`)
      .then((r) => r.json())
      .catch(() => undefined)) as { members?: { instanceId: string; state: string; isAlive: boolean }[] } | undefined;
    const found = gossip?.members?.find((m) => m.state === 'Leader' && m.isAlive);
    if (found) return found.instanceId;
  }
  throw new Error(`no node of ${nodes.join(', ')} names a leader`);
}

/** Asks every node to resign: only the leader does (ElectionsService.cs, KurrentDB 25.1), and the others elect a new one. */
const resignLeader = () => Promise.all(nodes.map((node) => fetch(`${node}/admin/node/resign`, { method: 'POST' }).catch(() => undefined)));

/** One writer: appends one event at a time to its stream; an append that fails is sent again with the same id and expected revision. */
async function write(store: KurrentDbEventStore, stream: string, until: number): Promise<{ acknowledged: AppendResult[]; ids: string[] }> {
  const acknowledged: AppendResult[] = [];
  const ids: string[] = [];
  while (Date.now() < until) {
    const event = anEvent('Written', { n: ids.length }, uuidv7());
    for (let attempt = 0; ; attempt++) {
      try {
        acknowledged.push(await store.append(stream, [event], { expectedRevision: ids.length === 0 ? 'no_stream' : ids.length - 1 }));
        break;
      } catch (error) {
        if (attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    ids.push(event.id!);
  }
  return { acknowledged, ids };
}

if (connectionString && nodes.length === 3) {
  describe('KurrentDB 3-node cluster: appends through a leader election', () => {
    let store: KurrentDbEventStore;
    beforeAll(async () => {
      store = await createKurrentDbEventStore({ connectionString });
    });
    afterAll(async () => {
      await store.close();
    });

    it(
      'loses no acknowledged append and stores none twice while the leader resigns',
      async () => {
        const before = await leader();
        const prefix = uniquePrefix();
        const until = Date.now() + RUN_MS;
        const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => write(store, `${prefix}case-${w}`, until)));
        await new Promise((resolve) => setTimeout(resolve, RESIGN_AFTER_MS));
        await resignLeader();
        const written = await writing;
        expect(await leader()).not.toBe(before);
        for (const [w, { acknowledged, ids }] of written.entries()) {
          const stored = await store.readStream(`${prefix}case-${w}`);
          expect(stored.map((e) => e.id)).toEqual(ids);
          expect(stored.map((e) => e.revision)).toEqual(ids.map((_, i) => i));
          expect(acknowledged.map((a) => [a.revision, a.position])).toEqual(stored.map((e) => [e.revision, e.position]));
        }
        const inLog = await store.readAll({ streamPrefix: prefix });
        expect(inLog).toHaveLength(written.reduce((sum, w) => sum + w.ids.length, 0));
        expect(inLog.map((e) => e.position)).toEqual([...inLog.map((e) => e.position)].sort((a, b) => a - b));
      },
      RUN_MS + 60_000,
    );
  });
} else {
  const reason = 'skipped: KURRENTDB_CLUSTER_CONNECTION_STRING and KURRENTDB_CLUSTER_HTTP (three node URLs) are not set (docker/README.md)';
  console.warn(`KurrentDB cluster election ${reason}`);
  describe.skip(`KurrentDB cluster election — ${reason}`, () => {
    it(`keeps every acknowledged append through a leader election — ${reason}`, () => {
      expect(connectionString).toBeDefined();
    });
  });
}
