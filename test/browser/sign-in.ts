import type { Page } from 'playwright-core';
import { ROLE } from '../../web/src/labels/codes.nb.js';

/** Fills the dev sign-in form as a person would. */
export async function signInInDevMode(
  page: Page,
  caller: { navIdent: string; roles: (keyof typeof ROLE)[]; offices: string[] },
): Promise<void> {
  await page.getByLabel('NAV-ident').fill(caller.navIdent);
  await page.getByRole('radio', { name: ROLE[caller.roles[0]!], exact: true }).check();
  await page.getByLabel('Kontorer').fill(caller.offices.join(', '));
  await page.getByRole('button', { name: 'Logg inn' }).click();
}
