/** One step of the event store's schema; applied once, in version order, by `migrateEventStore`. */
export interface EventStoreMigration {
  version: number;
  name: string;
  sql: string;
}
