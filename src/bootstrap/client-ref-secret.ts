import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';

/**
 * The HMAC key that turns personal id numbers into clientRefs. Production must give one
 * (config refuses to start otherwise). In dev mode one is made once and kept under DATA_DIR,
 * so the same person keeps the same clientRef across restarts of the embedded start.
 */
export function resolveClientRefSecret(config: Config): string {
  if (config.clientRefSecret) return config.clientRefSecret;
  const file = join(config.dataDir, 'dev-client-ref-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
