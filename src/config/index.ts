export * from './config.js';
export * from './config-from-environment.js';
export * from './config.module.js';
export * from './runtime-config.js';
export * from './entra-config.js';
