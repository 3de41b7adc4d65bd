import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';

/**
 * Dev only, and public: the key when no data directory can hold one of our own. Pseudonyms made
 * with it protect nothing, which is acceptable for demo data and tests, never for real people.
 */
export const DEV_CLIENT_REF_SECRET = 'dev-only-client-ref-secret-not-for-real-personal-data';

const SECRET_FILE = 'dev-client-ref-secret';

/**
 * The HMAC key that turns personal id numbers into clientRefs. CLIENT_REF_SECRET wins (config makes
 * it mandatory in production mode). Otherwise a random key is made once and kept in DATA_DIR, so the
 * same person keeps the same clientRef across restarts; a DATA_DIR that cannot be written falls back
 * to the fixed dev key above, with a warning.
 */
export function resolveClientRefSecret(config: Config, warn: (line: string) => void): string {
  if (config.clientRefSecret) return config.clientRefSecret;
  const file = join(config.dataDir, SECRET_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return fallBack(`${file} cannot be read (${codeOf(error)})`, warn);
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    // `wx`: two processes starting on one DATA_DIR must not each write a different key.
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return readFileSync(file, 'utf8').trim();
    return fallBack(`${file} cannot be written (${codeOf(error)})`, warn);
  }
}

function fallBack(reason: string, warn: (line: string) => void): string {
  warn(`${reason}: using the fixed dev clientRef secret; set CLIENT_REF_SECRET for real data`);
  return DEV_CLIENT_REF_SECRET;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown error';
