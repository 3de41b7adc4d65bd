import { ConfigError, loadConfig, type Config } from './config.js';

/**
 * The one read of `process.env` in the app. A bad environment ends the process here with
 * exit code 1 and a single line naming what is wrong, before anything has started.
 */
export function configFromEnvironmentOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
