import { ConfigError, loadConfig } from './config.js';
import type { EntraAuthConfig } from './entra-config.js';

const claims = {
  AUTH_MODE: 'claims',
  OIDC_ISSUER: 'https://issuer.example/',
  OIDC_AUDIENCE: 'tracker',
  OIDC_JWKS_URL: 'https://issuer.example/jwks',
  CLIENT_REF_SECRET: 'x'.repeat(32),
};

const TENANT = '62366534-1ec3-4962-8869-9b5535279d0b';
const CLIENT = '8a1d32b5-6d40-4c5a-a0f4-3b1a8a6c2f10';
const group = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const production = {
  AUTH_MODE: 'production',
  AZURE_APP_CLIENT_ID: CLIENT,
  AZURE_APP_CLIENT_SECRET: 'entra-client-secret',
  AZURE_APP_TENANT_ID: TENANT,
  ROLE_GROUPS_ADVISOR: group(1),
  ROLE_GROUPS_MANAGER: `${group(2)}, ${group(3)}`,
  ROLE_GROUPS_AUDITOR: group(4),
  ROLE_GROUPS_ADMIN: group(5),
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
      prettyLogs: true,
      webSignIn: { clientId: undefined, scope: undefined },
      otlpEndpoint: undefined,
      projections: {},
      clientDataRetentionDays: 3650,
      asOfReplaysMax: 2,
      asOfSnapshotEvery: 1000,
      commandsInFlightMax: 100,
    });
  });

  it('reads the cap on as-of replays (at least 1) and the snapshot interval (at least 1 event)', () => {
    expect(loadConfig({ ASOF_REPLAYS_MAX: '4', ASOF_SNAPSHOT_EVERY: '500' })).toMatchObject({ asOfReplaysMax: 4, asOfSnapshotEvery: 500 });
    expect(errorOf({ ASOF_REPLAYS_MAX: '0' })).toBe('Configuration error: ASOF_REPLAYS_MAX must be a whole number ≥ 1 (got "0")');
    expect(errorOf({ ASOF_SNAPSHOT_EVERY: '2.5' })).toBe('Configuration error: ASOF_SNAPSHOT_EVERY must be a whole number ≥ 1 (got "2.5")');
  });

  it('reads the cap on commands in flight, at least 1', () => {
    expect(loadConfig({ COMMANDS_IN_FLIGHT_MAX: '8' })).toMatchObject({ commandsInFlightMax: 8 });
    expect(errorOf({ COMMANDS_IN_FLIGHT_MAX: '0' })).toBe(
      'Configuration error: COMMANDS_IN_FLIGHT_MAX must be a whole number ≥ 1 (got "0")',
    );
  });

  it('reads the client data retention in whole days, at least 1', () => {
    expect(loadConfig({ CLIENT_DATA_RETENTION_DAYS: '30' }).clientDataRetentionDays).toBe(30);
    for (const bad of ['0', '1.5', 'ten']) {
      expect(errorOf({ CLIENT_DATA_RETENTION_DAYS: bad })).toBe(
        `Configuration error: CLIENT_DATA_RETENTION_DAYS must be a whole number of days, at least 1 (got "${bad}")`,
      );
    }
  });

  it('exports traces only to an http(s) OTLP endpoint, and writes JSON logs in production', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).otlpEndpoint).toBe('http://collector:4318');
    expect(errorOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toBe(
      'Configuration error: OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL (got "collector:4318")',
    );
    // A production configuration as production mode takes it (a server of its own, Entra ID tokens).
    const deployed = { ...production, NODE_ENV: 'production', DATABASE_URL: 'postgres://tracker@db:5432/tracker' };
    expect(loadConfig(deployed).prettyLogs).toBe(false);
    expect(loadConfig({}).prettyLogs).toBe(true);
  });

  it("reads the projection engine's settings, each by its one name", () => {
    const config = loadConfig({
      PROJECTION_BATCH_SIZE: '500',
      PROJECTION_REBUILD_BATCH_SIZE: '5000',
      PROJECTION_LIVE_LINGER_MS: '0',
      PROJECTION_REBUILD_WINDOW_EVENTS: '10000',
      PROJECTION_REBUILD_WINDOW_BYTES: '2097152',
      PROJECTION_REBUILD_CACHE_BYTES: '8388608',
      PROJECTION_LIVE_CACHE_BYTES: '0',
      PROJECTION_RETRY_INTERVAL_MS: '1000',
      PROJECTION_MAX_REBUILDS_PER_INSTANCE: '2',
      PROJECTION_POLL_INTERVAL_MS: '20',
    });
    expect(config.projections).toEqual({
      batchSize: 500,
      rebuildBatchSize: 5000,
      liveLingerMs: 0,
      rebuildWindowEvents: 10000,
      rebuildWindowBytes: 2097152,
      rebuildCacheBytes: 8388608,
      liveCacheBytes: 0,
      retryIntervalMs: 1000,
      maxRebuildsPerInstance: 2,
      pollIntervalMs: 20,
    });
  });

  it('refuses a projection setting that is not a whole number in range, naming it', () => {
    expect(errorOf({ PROJECTION_BATCH_SIZE: '0' })).toBe('Configuration error: PROJECTION_BATCH_SIZE must be an integer ≥ 1 (got "0")');
    expect(errorOf({ PROJECTION_LIVE_LINGER_MS: 'soon' })).toBe(
      'Configuration error: PROJECTION_LIVE_LINGER_MS must be an integer ≥ 0 (got "soon")',
    );
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
    expect(loadConfig({ PORT: '', DATABASE_URL: '', DATA_DIR: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './.data',
    });
  });

  it.each([['abc'], ['0'], ['65536'], ['3.5'], ['-1']])('refuses PORT=%s in one line', (port) => {
    expect(errorOf({ PORT: port })).toBe(`Configuration error: PORT must be an integer 1-65535 (got "${port}")`);
  });

  it('refuses a DATABASE_URL that is not a postgres URL without echoing it', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://user:secret@host/db' });
    expect(message).toBe('Configuration error: DATABASE_URL must be a postgres:// or postgresql:// URL (got "…")');
  });

  it('refuses an unknown event store kind', () => {
    expect(errorOf({ EVENT_STORE: 'mongo' })).toBe(
      'Configuration error: EVENT_STORE must be one of postgres, memory, kurrentdb (got "mongo")',
    );
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
    expect(errorOf({ AUTH_MODE: 'open' })).toBe('Configuration error: AUTH_MODE must be one of dev, claims, production (got "open")');
  });

  it('refuses claims mode without issuer, audience, JWKS URL and client-ref secret, naming each', () => {
    expect(errorOf({ AUTH_MODE: 'claims' })).toBe(
      'Configuration error: OIDC_ISSUER is required when AUTH_MODE=claims; OIDC_AUDIENCE is required when AUTH_MODE=claims; ' +
        'OIDC_JWKS_URL is required when AUTH_MODE=claims; CLIENT_REF_SECRET must be at least 32 characters when AUTH_MODE=claims',
    );
  });

  it('reads claims mode: the custom-claims token of a gateway, checked against the OIDC variables', () => {
    expect(loadConfig(claims).auth).toEqual({
      mode: 'claims',
      issuer: 'https://issuer.example/',
      audience: 'tracker',
      jwksUrl: 'https://issuer.example/jwks',
      maxTokenAgeSeconds: 7200,
    });
  });

  it('reads production mode (Entra ID) with the endpoints of the tenant and Microsoft Graph by default', () => {
    expect(loadConfig(production).auth).toEqual({
      mode: 'production',
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      audience: CLIENT,
      jwksUrl: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
      roleGroups: { advisor: [group(1)], manager: [group(2), group(3)], auditor: [group(4)], admin: [group(5)] },
      graph: {
        baseUrl: 'https://graph.microsoft.com/v1.0',
        tokenUrl: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
        clientId: CLIENT,
        clientSecret: 'entra-client-secret',
        timeoutMs: 3000,
      },
      officeCacheTtlSeconds: 300,
      maxTokenAgeSeconds: 7200,
    });
  });

  it('lets production mode point issuer, keys, token endpoint and Graph elsewhere, and tune the timeout, cache and token age', () => {
    const auth = loadConfig({
      ...production,
      AZURE_OPENID_CONFIG_ISSUER: 'http://127.0.0.1:4001/issuer',
      AZURE_OPENID_CONFIG_JWKS_URI: 'http://127.0.0.1:4001/jwks',
      AZURE_OPENID_CONFIG_TOKEN_ENDPOINT: 'http://127.0.0.1:4002/token',
      GRAPH_BASE_URL: 'http://127.0.0.1:4002/v1.0/',
      GRAPH_TIMEOUT_MS: '250',
      OFFICE_CACHE_TTL_SECONDS: '60',
      TOKEN_MAX_AGE_SECONDS: '5400',
    }).auth;
    expect(auth).toMatchObject({
      issuer: 'http://127.0.0.1:4001/issuer',
      jwksUrl: 'http://127.0.0.1:4001/jwks',
      graph: { baseUrl: 'http://127.0.0.1:4002/v1.0', tokenUrl: 'http://127.0.0.1:4002/token', timeoutMs: 250 },
      officeCacheTtlSeconds: 60,
      maxTokenAgeSeconds: 5400,
    });
  });

  it('refuses production mode without the app registration, the role groups and the client-ref secret, naming each', () => {
    expect(errorOf({ AUTH_MODE: 'production' })).toBe(
      'Configuration error: ' +
        ['AZURE_APP_CLIENT_ID', 'AZURE_APP_CLIENT_SECRET or AZURE_APP_JWK', 'AZURE_APP_TENANT_ID']
          .concat(['ADVISOR', 'MANAGER', 'AUDITOR', 'ADMIN'].map((role) => `ROLE_GROUPS_${role}`))
          .map((name) => `${name} is required when AUTH_MODE=production`)
          .join('; ') +
        '; CLIENT_REF_SECRET must be at least 32 characters when AUTH_MODE=production',
    );
  });

  it('reads role group ids in lower case, as Entra ID writes them in tokens', () => {
    const auth = loadConfig({ ...production, ROLE_GROUPS_ADMIN: ' ABCDEF01-2345-4678-9ABC-DEF012345678 ' }).auth as EntraAuthConfig;
    expect(auth.roleGroups.admin).toEqual(['abcdef01-2345-4678-9abc-def012345678']);
  });

  it('refuses an empty role group list in production mode', () => {
    expect(errorOf({ ...production, ROLE_GROUPS_AUDITOR: '' })).toBe(
      'Configuration error: ROLE_GROUPS_AUDITOR is required when AUTH_MODE=production',
    );
  });

  it.each([['auditors'], [`${group(4)},,${group(6)}`], [`${group(4)},`], ['0314']])('refuses the malformed role group list %s', (list) => {
    expect(errorOf({ ...production, ROLE_GROUPS_AUDITOR: list })).toBe(
      `Configuration error: ROLE_GROUPS_AUDITOR must be a comma-separated list of Entra ID group object ids (got ${JSON.stringify(list)})`,
    );
  });

  it('refuses a client id that is not a GUID, and a Graph timeout or cache TTL that is not a positive whole number', () => {
    expect(errorOf({ ...production, AZURE_APP_CLIENT_ID: 'tracker' })).toBe(
      'Configuration error: AZURE_APP_CLIENT_ID must be a client id (a GUID) (got "tracker")',
    );
    expect(errorOf({ ...production, GRAPH_TIMEOUT_MS: '0' })).toBe(
      'Configuration error: GRAPH_TIMEOUT_MS must be a whole number of milliseconds, at least 1 (got "0")',
    );
    expect(errorOf({ ...production, OFFICE_CACHE_TTL_SECONDS: '5m' })).toBe(
      'Configuration error: OFFICE_CACHE_TTL_SECONDS must be a whole number of seconds, at least 1 (got "5m")',
    );
  });

  it('takes a private RSA JWK (client assertion) instead of, or besides, the client secret', () => {
    const jwk = { kty: 'RSA', kid: 'app-key-1', n: 'modulus', e: 'AQAB', d: 'private-exponent' };
    const { AZURE_APP_CLIENT_SECRET: _, ...withoutSecret } = production;
    const auth = loadConfig({ ...withoutSecret, AZURE_APP_JWK: JSON.stringify(jwk) }).auth as EntraAuthConfig;
    expect(auth.graph).toMatchObject({ clientJwk: jwk });
    expect(auth.graph.clientSecret).toBeUndefined();
  });

  it.each([['not json'], ['{"kty":"EC","kid":"k","d":"x"}'], ['{"kty":"RSA","n":"m","e":"AQAB","d":"x"}']])(
    'refuses the AZURE_APP_JWK %s without echoing it',
    (value) => {
      expect(errorOf({ ...production, AZURE_APP_JWK: value })).toBe(
        'Configuration error: AZURE_APP_JWK must be a private RSA JWK with a kid, as JSON (got "…")',
      );
    },
  );

  it('never echoes the Entra client secret', () => {
    const message = errorOf({ ...production, AZURE_APP_CLIENT_SECRET: 'entra-client-secret', CLIENT_REF_SECRET: 'short' });
    expect(message).not.toContain('entra-client-secret');
  });

  it('refuses a client-ref secret shorter than 32 characters in production mode without echoing it', () => {
    expect(errorOf({ ...production, CLIENT_REF_SECRET: 'short' })).toBe(
      'Configuration error: CLIENT_REF_SECRET must be at least 32 characters when AUTH_MODE=production (got "…")',
    );
  });

  it('refuses OIDC URLs that are not http(s)', () => {
    expect(errorOf({ ...claims, OIDC_ISSUER: 'issuer.example' })).toBe(
      'Configuration error: OIDC_ISSUER must be an http(s) URL (got "issuer.example")',
    );
    expect(errorOf({ ...claims, OIDC_JWKS_URL: 'ftp://issuer.example/jwks' })).toBe(
      'Configuration error: OIDC_JWKS_URL must be an http(s) URL (got "ftp://issuer.example/jwks")',
    );
  });

  const deployed = { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db:5432/tracker', ...production };

  it('never falls back to dev auth silently under NODE_ENV=production', () => {
    expect(errorOf({ ...deployed, AUTH_MODE: '' })).toBe('Configuration error: AUTH_MODE must be set explicitly when NODE_ENV=production');
    expect(loadConfig(deployed).auth).toMatchObject({ mode: 'production', audience: CLIENT });
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
