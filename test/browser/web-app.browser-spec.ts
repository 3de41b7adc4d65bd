import type { Page } from 'playwright-core';
import type { Employers, Engagement, FollowUpGaps, History, Offices, Outcomes, Providers } from '../../web/src/api/view-types.js';
import { CHANNEL, EVENT_TYPE, THEME } from '../../web/src/labels/codes.nb.js';
import { formatPercent } from '../../web/src/labels/format.js';
import { apiReader } from './api-answers.js';
import { launchChromium, screenshot, seriousAccessibilityViolations, type Browser } from './chromium.js';
import { OFFICE, OTHER_OFFICE, PROVIDER, seedHistory, type SeededHistory } from './seed-history.js';
import { serveApp, type ServedApp } from './served-app.js';
import { signInInDevMode } from './sign-in.js';

let app: ServedApp;
let browser: Browser;
let page: Page;
let seeded: SeededHistory;
let api: ReturnType<typeof apiReader>;

const MANAGER = { navIdent: 'M123456', roles: ['manager' as const], offices: [OFFICE] };

beforeAll(async () => {
  app = await serveApp();
  seeded = await seedHistory(app);
  api = apiReader(app.url, await app.tokenFor(MANAGER));
  // Views follow the log: wait once until each has taken in the last write, so the pages show all of it.
  for (const view of ['engagement', 'outcomes', 'follow-up-gaps', 'employers']) {
    await api(`offices/${OFFICE}/${view}`, { minPosition: seeded.lastPosition });
  }
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const expectAccessible = async (name: string) => {
  await screenshot(page, name);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
};
const chartSeries = (title: string) =>
  page
    .locator(`[data-chart="${title}"]`)
    .evaluate((el: any) => el.chart.getOption().series.map((s: any) => ({ name: s.name, data: s.data })));
/** Reads until the page shows `expected` (it renders after the answer arrives), then asserts what it shows. */
const settled = async <T>(read: () => Promise<T>, expected: T): Promise<void> => {
  const until = Date.now() + 10_000;
  while (Date.now() < until && JSON.stringify(await read()) !== JSON.stringify(expected)) await page.waitForTimeout(100);
  expect(await read()).toEqual(expected);
};
const rowTexts = (selector: string) => page.locator(selector).allInnerTexts();
const nav = (name: string) => page.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name, exact: true }).click();

describe('the web app, in Chromium', () => {
  it('signs a manager in with the dev form and shows the office overview charts with the API figures', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await expectAccessible('01-sign-in');
    await signInInDevMode(page, MANAGER);
    await page.getByRole('heading', { name: `Kontoroversikt – kontor ${OFFICE}` }).waitFor();
    await page.getByTestId('engagement-table').waitFor();
    expect(page.url()).toBe(`${app.url}/kontor/${OFFICE}/oversikt`);

    const engagement = await api<Engagement>(`offices/${OFFICE}/engagement`);
    const months = engagement.months;
    expect(months.reduce((sum, m) => sum + m.employerContacts, 0)).toBe(14);
    expect(months.reduce((sum, m) => sum + m.placements, 0)).toBe(2);
    expect(await chartSeries('Arbeidsgiverkontakter og unike arbeidsgivere')).toEqual([
      { name: 'Kontakter', data: months.map((m) => m.employerContacts) },
      { name: 'Unike arbeidsgivere', data: months.map((m) => m.uniqueEmployers) },
    ]);
    expect((await chartSeries('Kontakter per veileder'))[0].data).toEqual(months.map((m) => m.contactsPerAdvisor));
    expect(await chartSeries('Kontakter etter kanal')).toEqual(
      Object.entries(CHANNEL).map(([code, name]) => ({ name, data: months.map((m) => m.byChannel[code]) })),
    );
    expect(await chartSeries('Kontakter etter tema')).toEqual(
      Object.entries(THEME).map(([code, name]) => ({ name, data: months.map((m) => m.byTheme[code]) })),
    );
    expect(await chartSeries('Rekrutteringsbehov')).toEqual([
      { name: 'Åpnet', data: months.map((m) => m.recruitmentNeedsOpened) },
      { name: 'Besatt', data: months.map((m) => m.recruitmentNeedsFilled) },
    ]);
    expect(await chartSeries('Formidlinger')).toEqual([
      { name: 'Formidlinger', data: months.map((m) => m.placements) },
      { name: 'Etter kontakt siste 90 dager', data: months.map((m) => m.placementsAfterContact) },
    ]);
    // The numbers in the table are the API's too (contacts, the second column).
    const shown = await page
      .locator('[data-testid=engagement-table] tbody tr')
      .evaluateAll((rows: any[]) => rows.map((r) => [r.getAttribute('data-month'), r.querySelectorAll('td')[0].textContent]));
    expect(shown).toEqual(months.map((m) => [m.month, String(m.employerContacts)]));
    await expect(page.getByTestId('freshness').innerText()).resolves.toMatch(
      new RegExp(`Posisjon ${engagement.position} · oppdatert for \\d+ s siden`),
    );
    await expectAccessible('02-kontoroversikt');
  });

  it('shows Resultater with in-house and external follow-up side by side, as the API answers', async () => {
    await nav('Resultater');
    await page.getByTestId('mode-comparison').waitFor();
    const outcomes = await api<Outcomes>(`offices/${OFFICE}/outcomes`);
    for (const mode of ['IN_HOUSE', 'EXTERNAL']) {
      const total = outcomes.totals.find((t) => t.followUpMode === mode)!;
      expect(await page.locator(`[data-mode=${mode}] [data-figure=placementRate]`).innerText()).toBe(
        `Formidlingsrate ${formatPercent(total.placementRate)}`,
      );
    }
    expect(outcomes.totals.find((t) => t.followUpMode === 'IN_HOUSE')!.placementRate).toBe(1);
    const months = [...new Set(outcomes.cohorts.map((c) => c.month))].sort();
    const rates = await chartSeries('Formidlingsrate per inntaksmåned');
    expect(rates.map((s: { data: unknown[] }) => s.data)).toEqual(
      ['IN_HOUSE', 'EXTERNAL'].map((mode) =>
        months.map((month) => outcomes.cohorts.find((c) => c.month === month && c.followUpMode === mode)?.placementRate ?? null),
      ),
    );
    await expectAccessible('03-resultater');
  });

  it('lists follow-up gaps longest first and follows a changed days threshold', async () => {
    await nav('Oppfølging');
    await page.getByTestId('gap-count').waitFor();
    const at30 = await api<FollowUpGaps>(`offices/${OFFICE}/follow-up-gaps`, { days: 30 });
    expect(at30.count).toBe(1);
    expect(await page.locator('tr[data-case]').evaluateAll((rows: any[]) => rows.map((r) => r.dataset.case))).toEqual(
      at30.cases.map((c) => c.caseId),
    );

    await page.getByLabel('Dager uten oppfølging').fill('5');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.getByText('saker uten oppfølging på minst 5 dager').waitFor();
    const at5 = await api<FollowUpGaps>(`offices/${OFFICE}/follow-up-gaps`, { days: 5 });
    expect(at5.count).toBe(2);
    const rows = await page
      .locator('tr[data-case]')
      .evaluateAll((rs: any[]) => rs.map((r) => [r.dataset.case, r.lastElementChild.textContent]));
    expect(rows).toEqual(at5.cases.map((c) => [c.caseId, String(c.daysWithout)]));
    expect(await page.locator('tr[data-case]').first().innerText()).toContain(PROVIDER);
    await expectAccessible('04-oppfolging');
  });

  it('pages the employers by cursor, sorts them and flags the one placed at but not contacted for 90 days', async () => {
    await nav('Arbeidsgivere');
    await page.getByLabel('Per side').selectOption('10');
    const firstPage = await api<Employers>(`offices/${OFFICE}/employers`, { sort: 'lastContact', limit: 10 });
    const orgs = () => page.locator('tr[data-org]').evaluateAll((rows: any[]) => rows.map((r) => r.dataset.org));
    await page.getByText('Side 1').waitFor();
    await settled(
      orgs,
      firstPage.employers.map((e) => e.orgNumber),
    );
    await page.getByRole('button', { name: 'Neste side' }).click();
    await page.getByText('Side 2').waitFor();
    const secondPage = await api<Employers>(`offices/${OFFICE}/employers`, { sort: 'lastContact', limit: 10, after: firstPage.next! });
    await settled(
      orgs,
      secondPage.employers.map((e) => e.orgNumber),
    );
    expect(secondPage.employers.find((e) => e.orgNumber === seeded.placedWithoutContact)?.placedButNotContacted90d).toBe(true);
    await expect(page.locator(`tr[data-org="${seeded.placedWithoutContact}"]`).innerText()).resolves.toContain(
      'Formidlet, ikke kontaktet på 90 dager',
    );
    await screenshot(page, '05-arbeidsgivere-side-2');

    await page.getByRole('button', { name: 'Formidlinger' }).click();
    const byPlacements = await api<Employers>(`offices/${OFFICE}/employers`, { sort: 'placements', limit: 10 });
    await page.getByText('Side 1').waitFor();
    await settled(
      orgs,
      byPlacements.employers.map((e) => e.orgNumber),
    );
    await expectAccessible('05-arbeidsgivere');
  });

  it('shows the history in order, filters it by type, pages it and opens an event with its metadata', async () => {
    await nav('Historikk');
    const positions = () => page.locator('tr[data-position]').evaluateAll((rows: any[]) => rows.map((r) => Number(r.dataset.position)));
    const first = await api<History>(`offices/${OFFICE}/history`, { limit: 20 });
    await settled(
      positions,
      first.events.map((e) => e.position),
    );
    await page.getByRole('button', { name: 'Neste side' }).click();
    const second = await api<History>(`offices/${OFFICE}/history`, { limit: 20, after: first.next! });
    await settled(
      positions,
      second.events.map((e) => e.position),
    );

    await page.getByLabel(EVENT_TYPE.RecruitmentNeedRegistered).check();
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const needs = await api<History>(`offices/${OFFICE}/history`, { types: 'RecruitmentNeedRegistered' });
    expect(needs.events).toHaveLength(2);
    await settled(
      positions,
      needs.events.map((e) => e.position),
    );
    await expectAccessible('06-historikk');

    const event = needs.events[0]!;
    await page.getByRole('button', { name: `Vis hendelse ${event.position}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Rekrutteringsbehov registrert (posisjon ${event.position})`).waitFor();
    expect(JSON.parse(await dialog.getByTestId('event-metadata').innerText())).toEqual(event.metadata);
    expect(JSON.parse(await dialog.getByTestId('event-data').innerText())).toEqual(event.data);
    await expectAccessible('07-historikk-hendelse');
    await dialog.getByRole('button', { name: 'Lukk' }).click();
    await settled(() => page.getByRole('dialog').count(), 0);
  });

  it('starts a replay at an event of the history', async () => {
    const event = (await api<History>(`offices/${OFFICE}/history`, { types: 'RecruitmentNeedRegistered' })).events[0]!;
    await page.getByRole('button', { name: `Vis hendelse ${event.position}` }).click();
    await page.getByRole('button', { name: 'Vis sidene som per denne hendelsen' }).click();
    await page.getByTestId('replay-banner').waitFor();
    expect(page.url()).toBe(`${app.url}/kontor/${OFFICE}/oversikt?asOfPosition=${event.position}`);
    expect(await page.getByTestId('replay-banner').innerText()).toContain(`ved posisjon ${event.position}`);
    expect(await page.getByLabel('Posisjon i hendelsesloggen').inputValue()).toBe(String(event.position));
    const replay = await api<Engagement>(`offices/${OFFICE}/engagement`, { asOfPosition: event.position });
    await settled(
      () => chartSeries('Rekrutteringsbehov').then((s) => s[0].data),
      replay.months.map((m) => m.recruitmentNeedsOpened),
    );
    expect(replay.months.reduce((sum, m) => sum + m.recruitmentNeedsOpened, 0)).toBe(1); // live: 2
    await page.getByRole('button', { name: 'Tilbake til nå' }).click();
    await settled(() => page.getByTestId('replay-banner').count(), 0);
  });

  it('"Vis som per" a moment between two writes shows the earlier figures, marked as a replay', async () => {
    await nav('Kontoroversikt');
    await page.getByTestId('engagement-table').waitFor();
    await page.getByRole('radio', { name: 'Tidspunkt' }).check();
    await page.getByLabel('Tidspunkt (ÅÅÅÅ-MM-DD tt:mm:ss)').fill(seeded.between);
    await page.getByRole('button', { name: 'Vis som per' }).click();
    await page.getByTestId('replay-banner').waitFor();

    const live = await api<Engagement>(`offices/${OFFICE}/engagement`);
    const replay = await api<Engagement>(`offices/${OFFICE}/engagement`, { asOf: seeded.between });
    const total = (e: Engagement) => e.months.reduce((sum, m) => sum + m.employerContacts, 0);
    expect(total(replay)).toBe(total(live) - 1);
    await expect(page.getByTestId('freshness').innerText()).resolves.toContain(`Avspilling per`);
    await settled(
      () => chartSeries('Arbeidsgiverkontakter og unike arbeidsgivere').then((s) => s[0].data),
      replay.months.map((m) => m.employerContacts),
    );
    expect(await page.getByTestId('replay-banner').innerText()).toMatch(/^Avspilling: sidene viser visningene slik de sto per/);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(new Date(seeded.between).toISOString());
    await expectAccessible('08-kontoroversikt-vis-som-per');

    // The replay follows to the other pages until it is turned off.
    await nav('Resultater');
    await page.getByTestId('replay-banner').waitFor();
    await page.getByRole('button', { name: 'Tilbake til nå' }).click();
    await settled(() => page.getByTestId('replay-banner').count(), 0);
  });

  it('keeps the token in memory only, and refuses another office saying which one the user may see', async () => {
    await page.goto(`${app.url}/kontor/${OTHER_OFFICE}/oversikt`);
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...(globalThis as any).localStorage }, { ...(globalThis as any).sessionStorage }]),
    );
    expect(stored).not.toMatch(/eyJ/);
    await signInInDevMode(page, MANAGER);
    await page.getByText(`Du har ikke tilgang til kontor ${OTHER_OFFICE}. Du har tilgang til kontor: ${OFFICE}.`).waitFor();
    await expectAccessible('09-ingen-tilgang');
  });

  it('shows the offices the manager may see side by side', async () => {
    await nav('Kontorer');
    const offices = await api<Offices>('offices');
    expect(offices.offices.map((o) => o.officeNumber)).toEqual([OFFICE]);
    await page.locator(`tr[data-office="${OFFICE}"]`).waitFor();
    expect(await rowTexts(`tr[data-office="${OFFICE}"] td`)).toEqual(
      expect.arrayContaining([String(offices.offices[0]!.employerContacts)]),
    );
    await expectAccessible('10-kontorer');
  });

  it('shows providers to an auditor', async () => {
    const auditor = { navIdent: 'A123456', roles: ['auditor' as const], offices: [] };
    await page.goto(app.url);
    await signInInDevMode(page, auditor);
    await page.getByRole('heading', { name: 'Kontorer' }).waitFor();
    await nav('Leverandører');
    const providers = await apiReader(app.url, await app.tokenFor(auditor))<Providers>('providers');
    expect(providers.providers).toEqual([expect.objectContaining({ providerOrgNumber: PROVIDER, enrolled: 2 })]);
    await page.getByRole('rowheader', { name: PROVIDER }).waitFor();
    await expectAccessible('11-leverandorer');
  });

  it('says a view is being rebuilt and asks again until it answers', async () => {
    let refused = 0;
    await page.route('**/api/v1/offices/*/engagement*', async (route) => {
      if (refused++ > 0) return route.continue();
      await route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          code: 'VIEW.REBUILDING',
          detail: 'rebuilding',
        }),
      });
    });
    await page.getByLabel('Kontor', { exact: true }).fill(OFFICE);
    await page.getByRole('button', { name: 'Vis kontor' }).click();
    await nav('Kontoroversikt');
    await page.getByText('Visningen bygges opp på nytt').waitFor();
    await page.getByTestId('engagement-table').waitFor({ timeout: 15_000 });
    expect(refused).toBe(2);
    await page.unroute('**/api/v1/offices/*/engagement*');
  });
});
