export * from './embedded-postgres-server.js';
export * from './free-port.js';
export * from './database-url.js';
export * from './connection-settings.js';
export * from './database-unavailable.js';
export * from './sql-literals.js';
