export * from './event-envelope.js';
export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './stream-names.js';
