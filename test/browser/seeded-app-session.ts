import type { Page } from 'playwright-core';
import { apiReader } from './api-answers.js';
import { launchChromium, screenshot, seriousAccessibilityViolations, type Browser } from './chromium.js';
import { OFFICE, seedHistory, type SeededHistory } from './seed-history.js';
import { serveApp, type ServedApp } from './served-app.js';

export const MANAGER = { navIdent: 'M123456', roles: ['manager' as const], offices: [OFFICE] };

export interface Session {
  app: ServedApp;
  browser: Browser;
  page: Page;
  seeded: SeededHistory;
  /** The API's answers as the manager, to compare the page with. */
  api: ReturnType<typeof apiReader>;
}

/**
 * For one spec file: the app on a fresh database with the seeded history, every view caught up
 * with it, and a page in a fresh Chromium. The fields are filled in by beforeAll.
 */
export function seededAppSession(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.app = await serveApp();
    session.seeded = await seedHistory(session.app);
    session.api = apiReader(session.app.url, await session.app.tokenFor(MANAGER));
    // Views follow the log: wait once until each has taken in the last write, so the pages show all of it.
    for (const view of ['engagement', 'outcomes', 'follow-up-gaps', 'employers']) {
      await session.api(`offices/${OFFICE}/${view}`, { minPosition: session.seeded.lastPosition });
    }
    session.browser = await launchChromium();
    session.page = await session.browser.context.newPage();
    session.page.setDefaultTimeout(15_000);
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}

/** What the specs do with a page: check it with axe (after a screenshot), read charts, wait for a render, navigate. */
export function pageActions(session: Session) {
  const settled = async <T>(read: () => Promise<T>, expected: T): Promise<void> => {
    // The page renders after the answer arrives: read until it shows `expected`, then assert what it shows.
    const until = Date.now() + 10_000;
    while (Date.now() < until && JSON.stringify(await read()) !== JSON.stringify(expected)) await session.page.waitForTimeout(100);
    expect(await read()).toEqual(expected);
  };
  return {
    settled,
    expectAccessible: async (name: string) => {
      await screenshot(session.page, name);
      expect(await seriousAccessibilityViolations(session.page)).toEqual([]);
    },
    chartSeries: (title: string) =>
      session.page
        .locator(`[data-chart="${title}"]`)
        .evaluate((el: any) => el.chart.getOption().series.map((s: any) => ({ name: s.name, data: s.data }))),
    nav: (name: string) => session.page.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name, exact: true }).click(),
  };
}
