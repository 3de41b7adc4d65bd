import 'reflect-metadata';
import { createDevKeys } from './auth/dev-keys.js';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { resolveClientRefSecret } from './bootstrap/client-ref-secret.js';
import { createApp } from './bootstrap/create-app.js';
import { provideDatabase } from './bootstrap/provide-database.js';

const logLine = (msg: string, level = 'info') => console.log(JSON.stringify({ level, time: new Date().toISOString(), msg }));

function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const database = await provideDatabase(config, logLine);
  const runtime = { ...config, databaseUrl: database.url, clientRefSecret: resolveClientRefSecret(config) };
  const auth = config.auth.mode === 'dev' ? { mode: 'dev' as const, devKeys: await createDevKeys() } : config.auth;
  const app = await createApp({ config: runtime, auth }).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  await app.listen(config.port);
  logLine(`listening on http://localhost:${config.port} (API under /api/v1, OpenAPI at /docs, auth mode ${config.auth.mode})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logLine(`${signal} received: stopping`);
    try {
      await app.close();
    } finally {
      await database.stop();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logLine(error instanceof Error ? (error.stack ?? error.message) : String(error), 'fatal');
  process.exit(1);
});
