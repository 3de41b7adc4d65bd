import type { Config } from './config.js';

/** Config once start-up has settled what it left open: the database to use and the HMAC secret. */
export interface RuntimeConfig extends Config {
  databaseUrl: string;
  clientRefSecret: string;
}

/** Nest injection token of the RuntimeConfig. */
export const RUNTIME_CONFIG = Symbol('RUNTIME_CONFIG');
