import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import pg from 'pg';
import { createDevKeys, devKeysFrom, newDevSigningKey, type DevKeys } from '../auth/dev-keys.js';
import type { Config } from '../config/index.js';

const KEY_FILE = 'dev-signing-key.jwk';

/**
 * Dev mode's signing key, kept so that a restart, or a second instance, accepts the tokens people
 * already hold. With DATABASE_URL (instances may share that database, not a disk) it lives in the
 * database; otherwise in DATA_DIR beside the embedded PostgreSQL and the dev clientRef secret. A
 * DATA_DIR that cannot be written gives a key of this process only, with a warning.
 */
export async function resolveDevKeys(config: Config, warn: (line: string) => void): Promise<DevKeys> {
  if (config.databaseUrl) return devKeysFrom(await sharedDevSigningKey(config.databaseUrl));
  const file = join(config.dataDir, KEY_FILE);
  try {
    return await devKeysFrom(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return fallBack(`${file} cannot be read (${codeOf(error)})`, warn);
  }
  try {
    mkdirSync(config.dataDir, { recursive: true });
    // `wx`: two processes starting on one DATA_DIR must not each write a different key.
    writeFileSync(file, JSON.stringify(await newDevSigningKey()), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') return fallBack(`${file} cannot be written (${codeOf(error)})`, warn);
  }
  return devKeysFrom(JSON.parse(readFileSync(file, 'utf8')) as JWK);
}

/**
 * The one dev key of a database, made by whichever instance comes first. Not a migration: the
 * table exists only where dev mode ran, and the key is needed before the app's modules start.
 */
export async function sharedDevSigningKey(databaseUrl: string): Promise<JWK> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    // Two instances starting together: the second waits here and then finds the first one's key.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('dev_signing_key'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS dev_signing_key (
      id int PRIMARY KEY CHECK (id = 1), private_jwk jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await client.query('INSERT INTO dev_signing_key (id, private_jwk) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
      JSON.stringify(await newDevSigningKey()),
    ]);
    const { rows } = await client.query<{ private_jwk: JWK }>('SELECT private_jwk FROM dev_signing_key WHERE id = 1');
    await client.query('COMMIT');
    return rows[0]!.private_jwk;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function fallBack(reason: string, warn: (line: string) => void): Promise<DevKeys> {
  warn(`${reason}: using a dev signing key of this process only; its tokens stop working at the next start`);
  return createDevKeys();
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'unknown error';
