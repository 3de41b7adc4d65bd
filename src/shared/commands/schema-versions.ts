/**
 * The schema version new events of each type are written with. Bump a type's version when its
 * data changes shape, and register an upcaster from the old version (issue 5).
 */
const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {};

export const schemaVersionOf = (type: string): number => CURRENT_SCHEMA_VERSIONS[type] ?? 1;
