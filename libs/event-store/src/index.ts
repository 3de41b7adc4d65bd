export * from './event-envelope.js';
export * from './event-store.port.js';
export * from './event-store.token.js';
export * from './event-store.errors.js';
export * from './stream-names.js';
export * from './in-memory/in-memory-event-store.js';
export * from './postgres/postgres-event-store.js';
export * from './postgres/migrate-event-store.js';
// The SQL of the two reads, for the bench's EXPLAIN of each read path (bench/read-paths.ts).
export { readAllQuery } from './postgres/read-all-query.js';
export { readStreamQuery } from './postgres/read-stream-query.js';
export * from './upcasting/upcaster-registry.js';
export * from './upcasting/upcasting-event-store.js';
export * from './upcasting/upcasting.errors.js';
export * from './stream-appends.js';
export type { AppendGroupObserver } from './postgres/append-groups.js';
