import { ConfigError, loadConfig } from './config.js';

const production = {
  AUTH_MODE: 'production',
  OIDC_ISSUER: 'https://issuer.example/',
  OIDC_AUDIENCE: 'tracker',
  OIDC_JWKS_URL: 'https://issuer.example/jwks',
  CLIENT_REF_SECRET: 'x'.repeat(32),
};

const errorOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a configuration error');
};

describe('configuration', () => {
  it('defaults to port 3000, an embedded database under ./.data, the PostgreSQL store and dev auth', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './.data',
      eventStore: { kind: 'postgres' },
      auth: { mode: 'dev' },
      clientRefSecret: undefined,
      logLevel: 'info',
    });
  });

  it('reads every variable it is given', () => {
    const config = loadConfig({
      PORT: '3100',
      DATABASE_URL: 'postgresql://app@db:5432/tracker',
      DATA_DIR: '/var/lib/tracker',
      EVENT_STORE: 'memory',
      LOG_LEVEL: 'debug',
      CLIENT_REF_SECRET: 'dev-secret',
    });
    expect(config).toMatchObject({
      port: 3100,
      databaseUrl: 'postgresql://app@db:5432/tracker',
      dataDir: '/var/lib/tracker',
      eventStore: { kind: 'memory' },
      logLevel: 'debug',
      clientRefSecret: 'dev-secret',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', DATA_DIR: '' })).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: './.data' });
  });

  it.each([['abc'], ['0'], ['65536'], ['3.5'], ['-1']])('refuses PORT=%s in one line', (port) => {
    expect(errorOf({ PORT: port })).toBe(`Configuration error: PORT must be an integer 1-65535 (got "${port}")`);
  });

  it('refuses a DATABASE_URL that is not a postgres URL without echoing it', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://user:secret@host/db' });
    expect(message).toBe('Configuration error: DATABASE_URL must be a postgres:// or postgresql:// URL (got "…")');
  });

  it('refuses an unknown event store kind', () => {
    expect(errorOf({ EVENT_STORE: 'mongo' })).toBe('Configuration error: EVENT_STORE must be one of postgres, memory, kurrentdb (got "mongo")');
  });

  it('needs a connection string for the KurrentDB store', () => {
    expect(errorOf({ EVENT_STORE: 'kurrentdb' })).toBe(
      'Configuration error: KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb',
    );
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'kurrentdb://k:2113?tls=false' }).eventStore).toEqual({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb://k:2113?tls=false',
    });
  });

  it('refuses an unknown auth mode', () => {
    expect(errorOf({ AUTH_MODE: 'open' })).toBe('Configuration error: AUTH_MODE must be one of dev, production (got "open")');
  });

  it('refuses production mode without issuer, audience, JWKS URL and client-ref secret, naming each', () => {
    expect(errorOf({ AUTH_MODE: 'production' })).toBe(
      'Configuration error: OIDC_ISSUER is required when AUTH_MODE=production; OIDC_AUDIENCE is required when AUTH_MODE=production; ' +
        'OIDC_JWKS_URL is required when AUTH_MODE=production; CLIENT_REF_SECRET must be at least 32 characters when AUTH_MODE=production',
    );
  });

  it('refuses a client-ref secret shorter than 32 characters in production mode without echoing it', () => {
    expect(errorOf({ ...production, CLIENT_REF_SECRET: 'short' })).toBe(
      'Configuration error: CLIENT_REF_SECRET must be at least 32 characters when AUTH_MODE=production (got "…")',
    );
  });

  it('refuses OIDC URLs that are not http(s)', () => {
    expect(errorOf({ ...production, OIDC_ISSUER: 'issuer.example' })).toBe('Configuration error: OIDC_ISSUER must be an http(s) URL (got "issuer.example")');
    expect(errorOf({ ...production, OIDC_JWKS_URL: 'ftp://issuer.example/jwks' })).toBe(
      'Configuration error: OIDC_JWKS_URL must be an http(s) URL (got "ftp://issuer.example/jwks")',
    );
  });

  const deployed = { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db:5432/tracker', ...production };

  it('never falls back to dev auth silently under NODE_ENV=production', () => {
    expect(errorOf({ ...deployed, AUTH_MODE: '' })).toBe('Configuration error: AUTH_MODE must be set explicitly when NODE_ENV=production');
    expect(loadConfig(deployed).auth).toEqual({
      mode: 'production',
      issuer: 'https://issuer.example/',
      audience: 'tracker',
      jwksUrl: 'https://issuer.example/jwks',
    });
  });

  it('refuses dev auth under NODE_ENV=production, where anyone could mint an admin token', () => {
    expect(errorOf({ ...deployed, AUTH_MODE: 'dev' })).toBe(
      'Configuration error: AUTH_MODE must not be dev when NODE_ENV=production (anyone could mint tokens) (got "dev")',
    );
  });

  it('refuses an embedded PostgreSQL under NODE_ENV=production: DATABASE_URL is required', () => {
    expect(errorOf({ ...deployed, DATABASE_URL: '' })).toBe(
      'Configuration error: DATABASE_URL is required when NODE_ENV=production (no embedded PostgreSQL in production)',
    );
  });

  it('refuses the in-memory event store under NODE_ENV=production', () => {
    expect(errorOf({ ...deployed, EVENT_STORE: 'memory' })).toBe(
      'Configuration error: EVENT_STORE must not be memory when NODE_ENV=production (a restart would lose every event) (got "memory")',
    );
    expect(loadConfig({ ...deployed, EVENT_STORE: 'postgres' }).eventStore).toEqual({ kind: 'postgres' });
  });

  it('names every development default at once under NODE_ENV=production, on one line', () => {
    expect(errorOf({ NODE_ENV: 'production', EVENT_STORE: 'memory', AUTH_MODE: 'dev' })).toBe(
      'Configuration error: DATABASE_URL is required when NODE_ENV=production (no embedded PostgreSQL in production); ' +
        'EVENT_STORE must not be memory when NODE_ENV=production (a restart would lose every event) (got "memory"); ' +
        'AUTH_MODE must not be dev when NODE_ENV=production (anyone could mint tokens) (got "dev")',
    );
  });

  it('keeps development defaults outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development', EVENT_STORE: 'memory', AUTH_MODE: 'dev' })).toMatchObject({
      databaseUrl: undefined,
      eventStore: { kind: 'memory' },
      auth: { mode: 'dev' },
    });
  });

  it('refuses an unknown log level', () => {
    expect(errorOf({ LOG_LEVEL: 'loud' })).toBe(
      'Configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    );
  });

  it('reports every problem at once, on one line', () => {
    expect(errorOf({ PORT: 'x', EVENT_STORE: 'kurrentdb' })).toBe(
      'Configuration error: PORT must be an integer 1-65535 (got "x"); KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb',
    );
  });
});
