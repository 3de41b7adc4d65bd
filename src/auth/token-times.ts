import type { JWTPayload } from 'jose';

/** How far a token's `iat` may lie ahead of our clock: issuers' clocks drift a little, never by minutes. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Why a token's times are unacceptable, or undefined when they are fine. Signature checks have
 * already required `exp` and `iat` and refused an expired token; this adds what the JWT library
 * leaves open: an `iat` in the future (a token minted ahead of time, or by a wrong clock) and a
 * cap on age, so a token issued with a far-away `exp` does not open the API for that long.
 */
export function refusalOfTokenTimes(payload: JWTPayload, nowSeconds: number, maxAgeSeconds: number): string | undefined {
  const issuedAt = payload.iat!;
  if (issuedAt > nowSeconds + CLOCK_SKEW_SECONDS) return '"iat" claim lies in the future';
  if (nowSeconds - issuedAt > maxAgeSeconds + CLOCK_SKEW_SECONDS) return `the token is older than ${maxAgeSeconds} s`;
  return undefined;
}
