export * from './embedded-postgres-server.js';
export * from './free-port.js';
export * from './database-url.js';
export * from './keep-alive.js';
