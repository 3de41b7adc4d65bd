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

/** A rebuild in many small windows (3,000 events in reads of 25), and quick takeovers: the upgrade lasts long enough to be watched. */
const SLOW_REBUILD = { EVENT_STORE: 'postgres', PROJECTION_REBUILD_BATCH_SIZE: '25', PROJECTION_RETRY_INTERVAL_MS: '200' };
const NEXT_VERSION = nextEngagementView.projection.version;

const liveVersionOf = async (running: RunningApp): Promise<number> =>
  (await running.app.get(ProjectionEngine).statusOf('engagement')).liveVersion;
const swapped = (running: RunningApp) => async () => (await liveVersionOf(running)) === NEXT_VERSION;
const statuses = (answers: readonly WatchedAnswer[]) => [...new Set(answers.map((answer) => answer.status))];

/**
 * Keeps appending to the office while `until` is pending, so the upgrade happens while the log moves
 * (slower than the rebuild folds, even on a loaded machine).
 */
async function appendWhile(store: EventStore, office: string, until: Promise<unknown>, last: { position: number }): Promise<void> {
  let running = true;
  void until.finally(() => (running = false));
  while (running) {
    last.position = await appendEngagement(store, office, 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
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
      const after = await watchEngagement(
        next,
        token,
        '0314',
        () => last.position,
        async () => asked++ >= 20,
      );

      expect(statuses([...during, ...after])).toEqual([200]);
      expect(during.length).toBeGreaterThan(2);
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

describe('a rolling deploy: the old and the new release of a view on one database at once (PostgreSQL)', () => {
  let database: TestDatabase;
  let old: RunningApp;
  const last = { position: 0 };

  beforeAll(async () => {
    database = await createTestDatabase('view_rolling_upgrade');
    old = await startApp(SLOW_REBUILD, { database });
    last.position = await appendEngagement(old.app.get(EVENT_STORE), '0314', 3000);
    expect(await old.app.get(ProjectionEngine).waitForPosition('engagement', last.position, 30_000)).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await old.close();
    await database.drop();
  });

  it('each instance answers with its own code all through the upgrade and after it, never 503', async () => {
    const next = await startApp(SLOW_REBUILD, { database, views: NEXT_RELEASE_VIEWS });
    try {
      const [oldToken, nextToken] = await Promise.all([old.tokenFor(manager('0314')), next.tokenFor(manager('0314'))]);
      // While the new version rebuilds, the old instance keeps its own version's table current.
      const leaders: string[] = [];
      const upgraded = swapped(next);
      const done = async () => {
        leaders.push((await old.app.get(ProjectionEngine).statusOf('engagement')).role);
        return upgraded();
      };
      const watching = Promise.all([
        watchEngagement(old, oldToken, '0314', () => last.position, done),
        watchEngagement(next, nextToken, '0314', () => last.position, upgraded),
      ]);
      await appendWhile(next.app.get(EVENT_STORE), '0314', watching, last);
      const [oldDuring, nextDuring] = await watching;
      // After the swap: the old instance now replays its own code, the new one reads its table.
      let asked = 0;
      const [oldAfter, nextAfter] = await Promise.all([
        watchEngagement(
          old,
          oldToken,
          '0314',
          () => last.position,
          async () => asked++ >= 20,
        ),
        watchEngagement(
          next,
          nextToken,
          '0314',
          () => last.position,
          async () => asked >= 20,
        ),
      ]);

      const oldAnswers = [...oldDuring, ...oldAfter];
      const nextAnswers = [...nextDuring, ...nextAfter];
      expect(statuses(oldAnswers)).toEqual([200]);
      expect(statuses(nextAnswers)).toEqual([200]);
      expect(oldDuring.length).toBeGreaterThan(2);
      expect(leaders.slice(0, -1)).toEqual(leaders.slice(0, -1).map(() => 'leader'));
      expect(await unlikeReplay(old, oldToken, '0314', oldAnswers)).toEqual([]);
      expect(await unlikeReplay(next, nextToken, '0314', nextAnswers)).toEqual([]);
      // Each its own code's figures: the old release counts the needs opened, the next does not.
      expect(oldAnswers.every((answer) => needsOpened(answer) > 0)).toBe(true);
      expect(nextAnswers.map(needsOpened)).toEqual(nextAnswers.map(() => 0));

      // The new release leads the view; the old one stands by and does not take it back.
      const engines = { old: old.app.get(ProjectionEngine), next: next.app.get(ProjectionEngine) };
      expect(await engines.next.waitForPosition('engagement', last.position, 20_000)).toBe(true);
      expect((await engines.next.statusOf('engagement')).role).toBe('leader');
      expect((await engines.old.statusOf('engagement')).role).toBe('standby');
      const dataSource = next.app.get(DataSource);
      expect(await dataSource.query(`SELECT tablename FROM pg_tables WHERE tablename LIKE 'projection_engagement%'`)).toEqual([
        { tablename: 'projection_engagement' },
      ]);
      expect(await dataSource.query(`SELECT name FROM projection_rebuilds`)).toEqual([]);
    } finally {
      await next.close();
    }
  }, 180_000);
});
