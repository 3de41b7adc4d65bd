import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OPEN_API_FILE, openApiText } from '../src/bootstrap/write-open-api.js';

const WEB_TYPES_FILE = 'web/src/api/openapi.d.ts';

describe('the checked-in OpenAPI document', () => {
  it('is the one the code describes now (npm run openapi writes it)', async () => {
    const written = await readFile(OPEN_API_FILE, 'utf8').catch(() => '(no file)');
    // toEqual on the parsed documents names the first path that differs; the text check catches the rest.
    const current = await openApiText();
    expect(JSON.parse(written === '(no file)' ? '{}' : written)).toEqual(JSON.parse(current));
    expect(written).toBe(current);
  });
});

describe("the web app's generated API types", () => {
  it('are the ones docs/openapi.json gives (npm run openapi:web writes them)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'openapi-web-'));
    try {
      const fresh = join(dir, 'openapi.d.ts');
      await promisify(execFile)(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', OPEN_API_FILE, '-o', fresh]);
      expect(await readFile(WEB_TYPES_FILE, 'utf8').catch(() => '(no file)')).toBe(await readFile(fresh, 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
