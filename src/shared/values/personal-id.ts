import { createHmac } from 'node:crypto';
import { idnr } from '@navikt/fnrvalidator';

/**
 * An 11-digit personal id number (fødselsnummer, D-number, or NAV's H- and synthetic test numbers)
 * with valid check digits and date, per @navikt/fnrvalidator. Callers never echo the number back.
 */
export const isValidPersonalId = (personId: string): boolean => /^\d{11}$/.test(personId) && idnr(personId).status === 'valid';

/**
 * The client's pseudonym: HMAC-SHA256 with a server secret. A plain hash would not do: the space
 * of valid numbers is small enough to hash them all.
 */
export function pseudonymiseClient(personId: string, secret: string): string {
  // An empty key would make the pseudonym a plain hash again; config refuses it, this is the backstop.
  if (secret.length === 0) throw new Error('pseudonymiseClient needs a non-empty server secret');
  return createHmac('sha256', secret).update(personId).digest('hex');
}

/** Pseudonyms as this service makes them: 64 hex digits. */
export const CLIENT_REF_PATTERN = /^[0-9a-f]{64}$/;

export const isClientRef = (value: string): boolean => CLIENT_REF_PATTERN.test(value);

/**
 * A subject id: the random id a client's events carry instead of anything derived from who they
 * are (a UUID); events written before subject ids carry the legacy clientRef as theirs.
 */
export const SUBJECT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isSubjectId = (value: string): boolean => SUBJECT_ID_PATTERN.test(value) || CLIENT_REF_PATTERN.test(value);
