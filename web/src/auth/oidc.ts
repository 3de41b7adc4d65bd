/**
 * OpenID Connect authorization code flow with PKCE (RFC 7636) for a public client. Generic on
 * purpose: the endpoints come from the issuer's discovery document, the client id and scope from
 * `/api/v1/web-config`. Only the verifier and state wait in sessionStorage across the redirect;
 * the token itself is handed to memory.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

const PENDING = 'oidc-pending';
export const CALLBACK_PATH = '/innlogging';

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${window.location.origin}${CALLBACK_PATH}`;

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`Fant ikke innloggingstjenestens oppsett (${response.status})`);
  return (await response.json()) as Discovery;
}

export async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Sends the browser to the issuer's authorization endpoint. */
export async function startSignIn(settings: OidcSettings): Promise<void> {
  const { authorization_endpoint } = await discover(settings.issuer);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(),
    scope: settings.scope,
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On the callback: checks state, exchanges the code and the verifier for an access token. */
export async function completeSignIn(settings: OidcSettings, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING);
  if (params.get('error')) throw new Error(`Innloggingen ble avvist: ${params.get('error_description') ?? params.get('error')}`);
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state)
    throw new Error('Innloggingen kunne ikke bekreftes (ukjent eller gammel forespørsel)');
  const { token_endpoint } = await discover(settings.issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: settings.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`Innloggingstjenesten ga ikke token (${response.status})`);
  const { access_token } = (await response.json()) as { access_token?: string };
  if (!access_token) throw new Error('Innloggingstjenesten ga ikke token');
  return access_token;
}
