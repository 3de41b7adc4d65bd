import { SignJWT, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AuthUnavailable } from '../auth-unavailable.error.js';

export interface AppCredentials {
  tokenUrl: string;
  clientId: string;
  /** A private RSA JWK (NAIS: AZURE_APP_JWK): the app signs in with a client assertion. Wins over the secret. */
  clientJwk?: JWK;
  clientSecret?: string;
  /** What the token is for, e.g. `https://graph.microsoft.com/.default`. */
  scope: string;
}

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** Renewed this long before Entra ID says it expires, so a lookup never starts with a token about to lapse. */
const RENEW_MARGIN_SECONDS = 60;
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * The app's own access token (client credentials), kept until shortly before it expires. One
 * request at a time: callers arriving while a token is being fetched wait for that one.
 */
export class GraphAppToken {
  private current?: { token: string; renewAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly credentials: AppCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  async get(signal: AbortSignal): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return this.current.token;
    this.pending ??= this.fetchToken(signal).finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Graph refused the token (revoked, rotated secret): the next lookup fetches a new one. */
  forget(): void {
    this.current = undefined;
  }

  private async fetchToken(signal: AbortSignal): Promise<string> {
    const { tokenUrl, clientId, scope } = this.credentials;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, scope, ...(await this.proof()) });
    const response = await fetch(tokenUrl, { method: 'POST', body, signal });
    if (!response.ok) throw new AuthUnavailable(`the token endpoint answered ${response.status}`);
    const parsed = tokenAnswer.safeParse(await response.json());
    if (!parsed.success) throw new AuthUnavailable('the token endpoint gave no usable access token');
    const renewIn = Math.max(0, parsed.data.expires_in - RENEW_MARGIN_SECONDS) * 1000;
    this.current = { token: parsed.data.access_token, renewAt: this.now() + renewIn };
    return this.current.token;
  }

  /** How the app proves it is itself: a short-lived assertion signed with its key, or its secret. */
  private async proof(): Promise<Record<string, string>> {
    const { tokenUrl, clientId, clientJwk, clientSecret } = this.credentials;
    if (!clientJwk) return { client_secret: clientSecret ?? '' };
    const key = (await importJWK(clientJwk, 'RS256')) as CryptoKey;
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: clientJwk.kid!, typ: 'JWT' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(tokenUrl)
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(this.now() / 1000))
      .setNotBefore(Math.floor(this.now() / 1000))
      .setExpirationTime(Math.floor(this.now() / 1000) + 120)
      .sign(key);
    return { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion };
  }
}
