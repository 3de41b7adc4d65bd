import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/index.js';
import { DEV_CLIENT_REF_SECRET, resolveClientRefSecret } from './client-ref-secret.js';

describe('the clientRef secret', () => {
  let dir: string;
  const warnings: string[] = [];
  const warn = (line: string) => void warnings.push(line);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'client-ref-secret-'));
    warnings.length = 0;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is CLIENT_REF_SECRET when given, and nothing is written', () => {
    const config = loadConfig({ CLIENT_REF_SECRET: 'given-secret', DATA_DIR: join(dir, 'data') });
    expect(resolveClientRefSecret(config, warn)).toBe('given-secret');
    expect(() => statSync(join(dir, 'data'))).toThrow();
  });

  it('in dev mode is made once per data directory and kept, so clientRefs survive a restart', () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'data') });
    const first = resolveClientRefSecret(config, warn);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'data', 'dev-client-ref-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'data', 'dev-client-ref-secret')).mode & 0o777).toBe(0o600);
    expect(resolveClientRefSecret(config, warn)).toBe(first);
    expect(resolveClientRefSecret(loadConfig({ DATA_DIR: join(dir, 'other') }), warn)).not.toBe(first);
    expect(warnings).toEqual([]);
  });

  it('reads a secret an earlier start left in the data directory', () => {
    writeFileSync(join(dir, 'dev-client-ref-secret'), 'kept-from-last-time\n');
    expect(resolveClientRefSecret(loadConfig({ DATA_DIR: dir }), warn)).toBe('kept-from-last-time');
  });

  it('falls back to the fixed dev secret, with a warning, when the data directory cannot be written', () => {
    // A regular file where the directory should be: no user, root included, can create a file under it.
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, '');
    expect(resolveClientRefSecret(loadConfig({ DATA_DIR: notADirectory }), warn)).toBe(DEV_CLIENT_REF_SECRET);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('set CLIENT_REF_SECRET');
  });
});
