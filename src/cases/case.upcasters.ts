import type { Upcaster } from '@app/event-store';

/** The case events that carry the case profile, and with it, up to v1, the client's pseudonym. */
export const PROFILE_EVENT_TYPES = [
  'ClientEnrolled',
  'ClientPlaced',
  'ClientExited',
  'ClientTransferredOut',
  'ClientTransferredIn',
] as const;

/**
 * v1 → v2: v1 events carry the client's keyed pseudonym (`clientRef`); v2 a random `subjectId`
 * that an erasure unlinks. A v1 event's subject id is its pseudonym, so a client enrolled before
 * subject ids keeps one subject across old and new events (the link table holds pseudonym → itself
 * for them, filled once at start). The stored v1 events still hold the pseudonym: see docs/privacy.md.
 */
export const caseProfileV1ToV2: Upcaster[] = PROFILE_EVENT_TYPES.map((type) => ({
  type,
  fromVersion: 1,
  upcast: (data) => {
    const { clientRef, ...rest } = data as { clientRef?: string } & Record<string, unknown>;
    return clientRef === undefined ? rest : { ...rest, subjectId: clientRef };
  },
}));
