import { ConfigError, loadConfig } from './config.js';

const production = {
  AUTH_MODE: 'production',
  OIDC_ISSUER: 'https://issuer.example/',
  OIDC_AUDIENCE: 'tracker',
  OIDC_JWKS_URL: 'https://issuer.example/jwks',
  CLIENT_REF_SECRET: 'x'.repeat(32),
};

const errorOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
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

  it('refuses a port that is not a number in one clear line', () => {
    const message = errorOf({ PORT: 'abc' });
    expect(message).toMatch(/^Configuration error: PORT .*\(got "abc"\)$/);
    expect(message).not.toContain('\n');
  });

  it('refuses a DATABASE_URL that is not a postgres URL without echoing it', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://user:secret@host/db' });
    expect(message).toContain('DATABASE_URL must be a postgres:// URL');
    expect(message).not.toContain('secret');
  });

  it('needs a connection string for the KurrentDB store', () => {
    expect(errorOf({ EVENT_STORE: 'kurrentdb' })).toContain('KURRENTDB_CONNECTION_STRING is required when EVENT_STORE=kurrentdb');
    expect(loadConfig({ EVENT_STORE: 'kurrentdb', KURRENTDB_CONNECTION_STRING: 'kurrentdb://k:2113?tls=false' }).eventStore).toEqual({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb://k:2113?tls=false',
    });
  });

  it('refuses production mode without issuer, audience, JWKS URL and a long client-ref secret', () => {
    const message = errorOf({ AUTH_MODE: 'production' });
    for (const field of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'CLIENT_REF_SECRET']) expect(message).toContain(field);
    expect(errorOf({ ...production, CLIENT_REF_SECRET: 'short' })).toContain('CLIENT_REF_SECRET must be at least 32');
  });

  it('never falls back to dev auth silently under NODE_ENV=production', () => {
    expect(errorOf({ NODE_ENV: 'production' })).toContain('AUTH_MODE must be set explicitly');
    expect(loadConfig({ NODE_ENV: 'production', ...production }).auth).toEqual({
      mode: 'production',
      issuer: 'https://issuer.example/',
      audience: 'tracker',
      jwksUrl: 'https://issuer.example/jwks',
    });
  });

  it('refuses an unknown event store kind', () => {
    expect(errorOf({ EVENT_STORE: 'mongo' })).toContain('EVENT_STORE');
  });
});
