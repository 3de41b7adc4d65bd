import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionEngine } from '@app/projections';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { startApp, type RunningApp } from './app-harness.js';
import { manager } from './fixtures.js';
import {
  appendEngagement,
  needsOpened,
  NEXT_RELEASE_VIEWS,
  nextEngagementView,
  unlikeReplay,
  watchEngagement,
  type WatchedAnswer,
} from './views/view-upgrade.js';

/** A rebuild in many small windows, and quick takeovers: the upgrade lasts long enough to be watched. */
const SLOW_REBUILD = { EVENT_STORE: 'postgres', PROJECTION_REBUILD_BATCH_SIZE: '25', PROJECTION_RETRY_INTERVAL_MS: '200' };
const NEXT_VERSION = nextEngagementView.projection.version;

const liveVersionOf = async (running: RunningApp): Promise<number> => (await running.app.get(ProjectionEngine).statusOf('engagement')).liveVersion;
const swapped = (running: RunningApp) => async () => (await liveVersionOf(running)) === NEXT_VERSION;
const statuses = (answers: readonly WatchedAnswer[]) => [...new Set(answers.map((answer) => answer.status))];

/** Keeps appending to the office while `until` is pending, so the upgrade happens while the log moves. */
async function appendWhile(store: EventStore, office: string, until: Promise<unknown>, last: { position: number }): Promise<void> {
  let running = true;
  void until.finally(() => (running = false));
  while (running) {
    last.position = await appendEngagement(store, office, 20);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a deploy that raises a view’s version (PostgreSQL)', () => {
  let database: TestDatabase;
  const last = { position: 0 };

  beforeAll(async () => {
    database = await createTestDatabase('view_upgrade');
    // The old release: its engagement table is built and current.
    const old = await startApp(SLOW_REBUILD, { database });
    try {
      last.position = await appendEngagement(old.app.get(EVENT_STORE), '0314', 3000);
      expect(await old.app.get(ProjectionEngine).waitForPosition('engagement', last.position, 30_000)).toBe(true);
    } finally {
      await old.close();
    }
  }, 60_000);

  afterAll(async () => {
    await database.drop();
  });

  it('the new release answers the view all through its rebuild, never 503, each answer its own replay at its position', async () => {
    const next = await startApp(SLOW_REBUILD, { database, views: NEXT_RELEASE_VIEWS });
    try {
      expect(await liveVersionOf(next)).toBe(NEXT_VERSION - 1);
      const token = await next.tokenFor(manager('0314'));
      const watching = watchEngagement(next, token, '0314', () => last.position, swapped(next));
      await appendWhile(next.app.get(EVENT_STORE), '0314', watching, last);
      const during = await watching;
      // …and a while after the swap, as the new version's live job takes over.
      let asked = 0;
      const after = await watchEngagement(next, token, '0314', () => last.position, async () => asked++ >= 20);

      expect(statuses([...during, ...after])).toEqual([200]);
      expect(during.length).toBeGreaterThan(10);
      expect(await unlikeReplay(next, token, '0314', [...during, ...after])).toEqual([]);
      // The new code's figures, not the old table's: the next release counts no needs opened.
      expect(during.map(needsOpened)).toEqual(during.map(() => 0));
      const tables = await next.app.get(DataSource).query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'projection_engagement%'`);
      expect(tables).toEqual([{ tablename: 'projection_engagement' }]);
    } finally {
      await next.close();
    }
  }, 120_000);
});
