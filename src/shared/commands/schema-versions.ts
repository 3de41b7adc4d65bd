/**
 * The schema version new events of each type are written with. Bump a type's version when its
 * data changes shape, and register an upcaster from the old version in
 * src/infrastructure/event-upcasters.ts: old events are upcast on every read, never rewritten.
 */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  // v2: `theme` is required (v1 contacts could lack it).
  // v3: `service` (null on older contacts).
  EmployerContacted: 3,
  // v2: the client's random subjectId in place of the pseudonym clientRef (erasure by crypto-shredding).
  ClientEnrolled: 2,
  ClientPlaced: 2,
  ClientExited: 2,
  ClientTransferredOut: 2,
  ClientTransferredIn: 2,
};

export const schemaVersionOf = (type: string): number => CURRENT_SCHEMA_VERSIONS[type] ?? 1;
