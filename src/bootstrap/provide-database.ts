import pg from 'pg';
import { startEmbeddedPostgres, withDatabase } from '@app/database';
import type { Config } from '../config/index.js';

export interface ProvidedDatabase {
  url: string;
  /** Stops the embedded server, if we started one. */
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = 'tracker';

/** DATABASE_URL's server, or a persistent embedded PostgreSQL under DATA_DIR. */
export async function provideDatabase(config: Config, log: (line: string) => void): Promise<ProvidedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true, callerHandlesSignals: true, log });
  log(`embedded PostgreSQL started on 127.0.0.1:${server.port} with data under ${config.dataDir}`);
  try {
    await createDatabaseIfMissing(server.url, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: withDatabase(server.url, EMBEDDED_DATABASE), stop: () => server.stop() };
}

async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  client.on('error', () => undefined); // a lost connection fails the query in flight; it must not end the process
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
