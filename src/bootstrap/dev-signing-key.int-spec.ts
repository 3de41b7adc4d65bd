import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createDevKeys, type DevKeys } from '../auth/dev-keys.js';
import { devTokenVerifier } from '../auth/token-verifier.js';
import { loadConfig } from '../config/index.js';
import { resolveDevKeys } from './dev-signing-key.js';

const person = { navIdent: 'Z123456', roles: ['advisor' as const], offices: ['0314'] };
/** Whether a token signed by one process's keys opens the API of another process holding `verifying`. */
const accepts = async (verifying: DevKeys, signing: DevKeys) =>
  devTokenVerifier(verifying)
    .verify(await signing.sign(person))
    .then(
      () => true,
      () => false,
    );

describe('the dev signing key', () => {
  let dir: string;
  const warnings: string[] = [];
  const warn = (line: string) => void warnings.push(line);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-signing-key-'));
    warnings.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('made at each start, as before, would refuse the tokens of the last start', async () => {
    expect(await accepts(await createDevKeys(), await createDevKeys())).toBe(false);
  });

  it('is kept in DATA_DIR, so a token issued before a restart still works after it', async () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'data') });
    const beforeRestart = await resolveDevKeys(config, warn);
    const afterRestart = await resolveDevKeys(config, warn);
    expect(await accepts(afterRestart, beforeRestart)).toBe(true);
    expect(statSync(join(dir, 'data', 'dev-signing-key.jwk')).mode & 0o777).toBe(0o600);
    const kept = JSON.parse(readFileSync(join(dir, 'data', 'dev-signing-key.jwk'), 'utf8'));
    expect(kept).toMatchObject({ kty: 'EC', crv: 'P-256', d: expect.any(String) });
    expect(await accepts(await resolveDevKeys(loadConfig({ DATA_DIR: join(dir, 'other') }), warn), beforeRestart)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('falls back to a key of this process, with a warning, when DATA_DIR cannot hold one', async () => {
    // A regular file where the directory should be: no user, root included, can create a file under it.
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    const keys = await resolveDevKeys(loadConfig({ DATA_DIR: notADirectory }), warn);
    expect(await accepts(keys, keys)).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/dev-signing-key\.jwk cannot be read \(ENOTDIR\).*stop working at the next start/)]);
  });

  describe('with DATABASE_URL', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase('dev_key');
    });
    afterAll(async () => db.drop());

    it("is shared through the database: two instances starting together accept each other's tokens, and so does a restart", async () => {
      const config = loadConfig({ DATABASE_URL: db.url, DATA_DIR: join(dir, 'unused') });
      const [one, two] = await Promise.all([resolveDevKeys(config, warn), resolveDevKeys(config, warn)]);
      expect(await accepts(one, two)).toBe(true);
      expect(await accepts(two, one)).toBe(true);
      expect(await accepts(await resolveDevKeys(config, warn), one)).toBe(true);
      // Nothing in DATA_DIR: another machine on the same database has no such directory.
      expect(() => statSync(join(dir, 'unused'))).toThrow();
    });
  });
});
