export * from './config.js';
export * from './runtime-config.js';
