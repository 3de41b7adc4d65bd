import type { Employers, Engagement, FollowUpGaps, Outcomes } from '../../web/src/api/view-types.js';
import { screenshot } from './chromium.js';
import { CHANNEL, THEME } from '../../web/src/labels/codes.nb.js';
import { formatPercent } from '../../web/src/labels/format.js';
import { pageActions, seededAppSession, MANAGER } from './seeded-app-session.js';
import { OFFICE, PROVIDER } from './seed-history.js';
import { signInInDevMode } from './sign-in.js';

const session = seededAppSession();
const { chartSeries, expectAccessible, nav, settled } = pageActions(session);

describe('the office pages of a manager, in Chromium', () => {
  it('signs a manager in with the dev form and shows the office overview charts with the API figures', async () => {
    await session.page.goto(session.app.url);
    await session.page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await expectAccessible('01-sign-in');
    await signInInDevMode(session.page, MANAGER);
    await session.page.getByRole('heading', { name: `Kontoroversikt – kontor ${OFFICE}` }).waitFor();
    await session.page.getByTestId('engagement-table').waitFor();
    expect(session.page.url()).toBe(`${session.app.url}/kontor/${OFFICE}/oversikt`);

    const engagement = await session.api<Engagement>(`offices/${OFFICE}/engagement`);
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
    const shown = await session.page
      .locator('[data-testid=engagement-table] tbody tr')
      .evaluateAll((rows: any[]) => rows.map((r) => [r.getAttribute('data-month'), r.querySelectorAll('td')[0].textContent]));
    expect(shown).toEqual(months.map((m) => [m.month, String(m.employerContacts)]));
    await expect(session.page.getByTestId('freshness').innerText()).resolves.toMatch(
      new RegExp(`Posisjon ${engagement.position} · oppdatert for \\d+ s siden`),
    );
    await expectAccessible('02-kontoroversikt');
  });

  it('shows Resultater with in-house and external follow-up side by side, as the API answers', async () => {
    await nav('Resultater');
    await session.page.getByTestId('mode-comparison').waitFor();
    const outcomes = await session.api<Outcomes>(`offices/${OFFICE}/outcomes`);
    for (const mode of ['IN_HOUSE', 'EXTERNAL']) {
      const total = outcomes.totals.find((t) => t.followUpMode === mode)!;
      expect(await session.page.locator(`[data-mode=${mode}] [data-figure=placementRate]`).innerText()).toBe(
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
    await session.page.getByTestId('gap-count').waitFor();
    const at30 = await session.api<FollowUpGaps>(`offices/${OFFICE}/follow-up-gaps`, { days: 30 });
    expect(at30.count).toBe(1);
    expect(await session.page.locator('tr[data-case]').evaluateAll((rows: any[]) => rows.map((r) => r.dataset.case))).toEqual(
      at30.cases.map((c) => c.caseId),
    );

    await session.page.getByLabel('Dager uten oppfølging').fill('5');
    await session.page.getByRole('button', { name: 'Vis', exact: true }).click();
    await session.page.getByText('saker uten oppfølging på minst 5 dager').waitFor();
    const at5 = await session.api<FollowUpGaps>(`offices/${OFFICE}/follow-up-gaps`, { days: 5 });
    expect(at5.count).toBe(2);
    const rows = await session.page
      .locator('tr[data-case]')
      .evaluateAll((rs: any[]) => rs.map((r) => [r.dataset.case, r.lastElementChild.textContent]));
    expect(rows).toEqual(at5.cases.map((c) => [c.caseId, String(c.daysWithout)]));
    expect(await session.page.locator('tr[data-case]').first().innerText()).toContain(PROVIDER);
    await expectAccessible('04-oppfolging');
  });

  it('pages the employers by cursor, sorts them and flags the one placed at but not contacted for 90 days', async () => {
    await nav('Arbeidsgivere');
    await session.page.getByLabel('Per side').selectOption('10');
    const firstPage = await session.api<Employers>(`offices/${OFFICE}/employers`, { sort: 'lastContact', limit: 10 });
    const orgs = () => session.page.locator('tr[data-org]').evaluateAll((rows: any[]) => rows.map((r) => r.dataset.org));
    await session.page.getByText('Side 1').waitFor();
    await settled(
      orgs,
      firstPage.employers.map((e) => e.orgNumber),
    );
    await session.page.getByRole('button', { name: 'Neste side' }).click();
    await session.page.getByText('Side 2').waitFor();
    const secondPage = await session.api<Employers>(`offices/${OFFICE}/employers`, {
      sort: 'lastContact',
      limit: 10,
      after: firstPage.next!,
    });
    await settled(
      orgs,
      secondPage.employers.map((e) => e.orgNumber),
    );
    expect(secondPage.employers.find((e) => e.orgNumber === session.seeded.placedWithoutContact)?.placedButNotContacted90d).toBe(true);
    await expect(session.page.locator(`tr[data-org="${session.seeded.placedWithoutContact}"]`).innerText()).resolves.toContain(
      'Formidlet, ikke kontaktet på 90 dager',
    );
    await screenshot(session.page, '05-arbeidsgivere-side-2');

    await session.page.getByRole('button', { name: 'Formidlinger' }).click();
    const byPlacements = await session.api<Employers>(`offices/${OFFICE}/employers`, { sort: 'placements', limit: 10 });
    await session.page.getByText('Side 1').waitFor();
    await settled(
      orgs,
      byPlacements.employers.map((e) => e.orgNumber),
    );
    await expectAccessible('05-arbeidsgivere');
  });
});
