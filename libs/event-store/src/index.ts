export * from './event-envelope.js';
export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './stream-names.js';
export * from './in-memory/in-memory-event-store.js';
export * from './postgres/postgres-event-store.js';
export * from './postgres/migrate-event-store.js';
