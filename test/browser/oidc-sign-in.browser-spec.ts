import type { Page } from 'playwright-core';
import { launchChromium, screenshot, seriousAccessibilityViolations, type Browser } from './chromium.js';
import { serveApp, type ServedApp } from './served-app.js';
import { startStubIssuer, type StubIssuer } from './stub-issuer.js';

const AUDIENCE = 'employer-contact-tracker';
const CLIENT_ID = 'tracker-web';

let issuer: StubIssuer;
let app: ServedApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  issuer = await startStubIssuer({ sub: 'M654321', roles: ['manager'], offices: ['0314'] }, AUDIENCE, CLIENT_ID);
  app = await serveApp({
    AUTH_MODE: 'claims',
    OIDC_ISSUER: issuer.issuer,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_JWKS_URL: issuer.jwksUrl,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_SCOPE: 'openid tracker',
    CLIENT_REF_SECRET: 'production-mode-browser-test-secret-0123456789',
  });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await issuer?.close();
});

describe('sign-in in claims mode (authorization code + PKCE against the issuer)', () => {
  it('redirects to the issuer with an S256 challenge, exchanges the code with its verifier and shows the office', async () => {
    await page.goto(app.url);
    await screenshot(page, '12-innlogging-oidc');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Logg inn med NAV-konto' }).click();
    await page.getByRole('heading', { name: 'Kontoroversikt – kontor 0314' }).waitFor();

    expect(issuer.authorizations).toHaveLength(1);
    const asked = issuer.authorizations[0]!;
    expect(Object.fromEntries(asked)).toEqual(
      expect.objectContaining({
        response_type: 'code',
        client_id: CLIENT_ID,
        redirect_uri: `${app.url}/innlogging`,
        scope: 'openid tracker',
        code_challenge_method: 'S256',
      }),
    );
    expect(asked.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The stub refuses a verifier that does not hash to the challenge: one accepted exchange proves PKCE.
    expect(issuer.exchanges).toEqual([{ accepted: true }]);
    // The API took the issuer's token: the page shows a view answer, and the address bar no longer holds the code.
    await page.getByTestId('freshness').waitFor();
    expect(page.url()).toBe(`${app.url}/kontor/0314/oversikt`);
    const stored = await page.evaluate(() =>
      JSON.stringify([{ ...(globalThis as any).localStorage }, { ...(globalThis as any).sessionStorage }]),
    );
    expect(stored).not.toMatch(/eyJ/);
  });

  it('refuses a callback whose state it did not send', async () => {
    await page.goto(`${app.url}/innlogging?code=forged&state=forged`);
    await page.getByText('Innloggingen kunne ikke bekreftes').waitFor();
    expect(issuer.exchanges).toHaveLength(1);
  });
});
