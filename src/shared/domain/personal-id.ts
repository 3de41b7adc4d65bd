import { createHmac } from 'node:crypto';
import { idnr } from '@navikt/fnrvalidator';

/** A fødselsnummer or D-number with valid check digits and date. The number is never echoed back. */
export const isValidPersonalId = (personId: string): boolean =>
  /^\d{11}$/.test(personId) && idnr(personId).status === 'valid';

/**
 * The client's pseudonym: HMAC-SHA256 with a server secret. A plain hash would not do: the space
 * of valid numbers is small enough to hash them all.
 */
export const pseudonymiseClient = (personId: string, secret: string): string =>
  createHmac('sha256', secret).update(personId).digest('hex');

/** Pseudonyms as this service makes them: 64 hex digits. */
export const CLIENT_REF_PATTERN = /^[0-9a-f]{64}$/;
