import type { Offices, Providers } from '../../web/src/api/view-types.js';
import { apiReader } from './api-answers.js';
import { pageActions, seededAppSession, MANAGER } from './seeded-app-session.js';
import { OFFICE, OTHER_OFFICE, PROVIDER } from './seed-history.js';
import { signInInDevMode } from './sign-in.js';

const session = seededAppSession();
const { expectAccessible, nav } = pageActions(session);

describe('access, national views and a view being rebuilt, in Chromium', () => {
  it('keeps the token in memory only, and refuses another office saying which one the user may see', async () => {
    await session.page.goto(`${session.app.url}/kontor/${OTHER_OFFICE}/oversikt`);
    await session.page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    const stored = await session.page.evaluate(() =>
      JSON.stringify([{ ...(globalThis as any).localStorage }, { ...(globalThis as any).sessionStorage }]),
    );
    expect(stored).not.toMatch(/eyJ/);
    await signInInDevMode(session.page, MANAGER);
    await session.page.getByText(`Du har ikke tilgang til kontor ${OTHER_OFFICE}. Du har tilgang til kontor: ${OFFICE}.`).waitFor();
    await expectAccessible('09-ingen-tilgang');
  });

  it('shows the offices the manager may see side by side', async () => {
    await nav('Kontorer');
    const offices = await session.api<Offices>('offices');
    expect(offices.offices.map((o) => o.officeNumber)).toEqual([OFFICE]);
    await session.page.locator(`tr[data-office="${OFFICE}"]`).waitFor();
    expect(await session.page.locator(`tr[data-office="${OFFICE}"] td`).allInnerTexts()).toEqual(
      expect.arrayContaining([String(offices.offices[0]!.employerContacts)]),
    );
    await expectAccessible('10-kontorer');
  });

  it('shows providers to an auditor', async () => {
    const auditor = { navIdent: 'A123456', roles: ['auditor' as const], offices: [] };
    await session.page.goto(session.app.url);
    await signInInDevMode(session.page, auditor);
    await session.page.getByRole('heading', { name: 'Kontorer' }).waitFor();
    await nav('Leverandører');
    const providers = await apiReader(session.app.url, await session.app.tokenFor(auditor))<Providers>('providers');
    expect(providers.providers).toEqual([expect.objectContaining({ providerOrgNumber: PROVIDER, enrolled: 2 })]);
    await session.page.getByRole('rowheader', { name: PROVIDER }).waitFor();
    await expectAccessible('11-leverandorer');
  });

  it('says a view is being rebuilt and asks again until it answers', async () => {
    let refused = 0;
    await session.page.route('**/api/v1/offices/*/engagement*', async (route) => {
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
    await session.page.getByLabel('Kontor', { exact: true }).fill(OFFICE);
    await session.page.getByRole('button', { name: 'Vis kontor' }).click();
    await nav('Kontoroversikt');
    await session.page.getByText('Visningen bygges opp på nytt').waitFor();
    await session.page.getByTestId('engagement-table').waitFor({ timeout: 15_000 });
    expect(refused).toBe(2);
    await session.page.unroute('**/api/v1/offices/*/engagement*');
  });
});
