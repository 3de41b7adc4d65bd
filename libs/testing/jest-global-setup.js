// Plain JS because jest loads global setup outside its ESM transform; the server code it
// uses is compiled by `npm run pretest` (tsconfig.lib.json of libs/database).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../dist/libs/database/src/index.js';

/**
 * One PostgreSQL server for the whole run: `DATABASE_URL`'s when set, otherwise a throwaway
 * embedded one. Test files find it in TEST_DATABASE_SERVER_URL and make their own databases.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ect-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  // Handed to teardown, which runs in the same parent process.
  globalThis.__embeddedPostgres = server;
  process.env.TEST_DATABASE_SERVER_URL = server.url;
}
