export * from './test-database.js';
export * from './decider-spec.js';
