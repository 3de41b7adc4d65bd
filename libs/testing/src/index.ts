export * from './test-database.js';
export * from './decider-spec.js';
export * from './stoppable-postgres.js';
