import type { ProjectionEngineSettings } from '@app/projections';
import { z } from 'zod';
import { entraConfigOf, entraVariables, missingForEntra, type EntraAuthConfig } from './entra-config.js';
import { projectionSettingsOf, projectionSettingVariables } from './projection-settings.js';

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const EVENT_STORES = ['postgres', 'memory', 'kurrentdb'] as const;
const AUTH_MODES = ['dev', 'claims', 'production'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const PORT_RULE = 'must be an integer 1-65535';

const httpUrl = (error: string) => z.url({ protocol: /^https?$/, error });
const wholeNumberFrom = (min: number) =>
  z.coerce
    .number({ error: `must be a whole number ≥ ${min}` })
    .int(`must be a whole number ≥ ${min}`)
    .min(min, `must be a whole number ≥ ${min}`);

/** Everything the service reads from its environment. An empty variable counts as unset. */
const schema = z
  .object({
    NODE_ENV: z.string().optional(),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, PORT_RULE)
      .transform(Number)
      .refine((port) => port >= 1 && port <= 65535, PORT_RULE)
      .default(3000),
    DATABASE_URL: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\/\S+$/.test(v), 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().default('./.data'),
    EVENT_STORE: z.enum(EVENT_STORES, { error: oneOf(EVENT_STORES) }).default('postgres'),
    KURRENTDB_CONNECTION_STRING: z.string().optional(),
    AUTH_MODE: z.enum(AUTH_MODES, { error: oneOf(AUTH_MODES) }).optional(),
    OIDC_ISSUER: httpUrl('must be an http(s) URL').optional(),
    OIDC_AUDIENCE: z.string().optional(),
    OIDC_JWKS_URL: httpUrl('must be an http(s) URL').optional(),
    ...entraVariables,
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_SCOPE: z.string().optional(),
    CLIENT_REF_SECRET: z.string().optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: oneOf(LOG_LEVELS) }).default('info'),
    CLIENT_DATA_RETENTION_DAYS: z.coerce
      .number({ error: 'must be a whole number of days, at least 1' })
      .int('must be a whole number of days, at least 1')
      .min(1, 'must be a whole number of days, at least 1')
      .default(3650),
    OTEL_EXPORTER_OTLP_ENDPOINT: httpUrl('must be an http(s) URL').optional(),
    // A replay folds its offices on the replay threads (one per core; the calling thread with another store than
    // PostgreSQL's): two at once keep a 2-core server answering everything else.
    ASOF_REPLAYS_MAX: wholeNumberFrom(1).default(2),
    ASOF_SNAPSHOT_EVERY: wholeNumberFrom(1).default(1000),
    // Past what the cores carry, commands would queue without a cap. The default is well above what a burst
    // holds in flight on a machine that carries its load (bench/README.md, "Commands past what the machine carries").
    COMMANDS_IN_FLIGHT_MAX: wholeNumberFrom(1).default(100),
    ...projectionSettingVariables,
  })
  .superRefine((env, ctx) => {
    const need = (field: keyof typeof env, why: string) => {
      if (!env[field]) ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
    };
    if (env.EVENT_STORE === 'kurrentdb') need('KURRENTDB_CONNECTION_STRING', 'when EVENT_STORE=kurrentdb');
    if (env.NODE_ENV === 'production') refuseDevelopmentDefaults(env, ctx);
    if (env.AUTH_MODE === 'claims') {
      need('OIDC_ISSUER', 'when AUTH_MODE=claims');
      need('OIDC_AUDIENCE', 'when AUTH_MODE=claims');
      need('OIDC_JWKS_URL', 'when AUTH_MODE=claims');
    }
    if (env.AUTH_MODE === 'production') {
      for (const [name, message] of missingForEntra(env)) ctx.addIssue({ code: 'custom', path: [name], message });
    }
    // Claims mode serves real people too: only dev mode may fall back to a secret of its own.
    if (env.AUTH_MODE && env.AUTH_MODE !== 'dev' && (!env.CLIENT_REF_SECRET || env.CLIENT_REF_SECRET.length < 32)) {
      const message = `must be at least 32 characters when AUTH_MODE=${env.AUTH_MODE}`;
      ctx.addIssue({ code: 'custom', path: ['CLIENT_REF_SECRET'], message });
    }
  });

/**
 * A deployment must not come up on what suits a laptop: an embedded PostgreSQL under `./.data`, an event
 * log that a restart empties (while the stored checkpoints stay ahead of it), or tokens anyone can mint.
 */
function refuseDevelopmentDefaults(env: { DATABASE_URL?: string; EVENT_STORE: string; AUTH_MODE?: string }, ctx: z.RefinementCtx): void {
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!env.DATABASE_URL) refuse('DATABASE_URL', 'is required when NODE_ENV=production (no embedded PostgreSQL in production)');
  if (env.EVENT_STORE === 'memory') refuse('EVENT_STORE', 'must not be memory when NODE_ENV=production (a restart would lose every event)');
  if (!env.AUTH_MODE) refuse('AUTH_MODE', 'must be set explicitly when NODE_ENV=production');
  if (env.AUTH_MODE === 'dev') refuse('AUTH_MODE', 'must not be dev when NODE_ENV=production (anyone could mint tokens)');
}

export type EventStoreConfig = { kind: 'postgres' } | { kind: 'memory' } | { kind: 'kurrentdb'; connectionString: string };
export interface ClaimsAuthConfig {
  mode: 'claims';
  issuer: string;
  audience: string;
  jwksUrl: string;
  maxTokenAgeSeconds: number;
}
export type AuthConfig = { mode: 'dev' } | ClaimsAuthConfig | EntraAuthConfig;

export interface Config {
  port: number;
  /** Absent: an embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  eventStore: EventStoreConfig;
  auth: AuthConfig;
  /**
   * What the web app signs in with (authorization code + PKCE) outside dev mode; the API ignores
   * it. Absent: the API audience, `openid`.
   */
  webSignIn: { clientId?: string; scope?: string };
  /** HMAC key for client pseudonyms; absent in dev mode, where start-up supplies one (see client-ref-secret.ts). */
  clientRefSecret?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Readable log lines instead of JSON, when stdout is a terminal too: anywhere but `NODE_ENV=production`. */
  prettyLogs: boolean;
  /** Base URL of an OTLP/HTTP collector (`/v1/traces` is added); absent: no traces are exported. */
  otlpEndpoint?: string;
  /** The projection engine's settings given by `PROJECTION_*` variables; the rest keep the engine's defaults. */
  projections: ProjectionEngineSettings;
  /** Clients all of whose cases closed longer ago than this are erased by the retention job. */
  clientDataRetentionDays: number;
  /** As-of replays running at once; more are refused with 503 and Retry-After. */
  asOfReplaysMax: number;
  /** An as-of replay stores a snapshot of an office's view after every this many of the office's events of the view's types. */
  asOfSnapshotEvery: number;
  /** Commands running at once in this instance; more are refused with 503 and Retry-After. */
  commandsInFlightMax: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Pure: the same environment always gives the same config or the same one-line error. */
export function loadConfig(environment: Readonly<Record<string, string | undefined>>): Config {
  const env = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'environment');
      const value = env[field];
      return `${field} ${issue.message}${value === undefined ? '' : ` (got ${JSON.stringify(shown(field, value))})`}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    eventStore:
      e.EVENT_STORE === 'kurrentdb' ? { kind: 'kurrentdb', connectionString: e.KURRENTDB_CONNECTION_STRING! } : { kind: e.EVENT_STORE },
    auth: authConfigOf(e),
    webSignIn: { clientId: e.OIDC_CLIENT_ID, scope: e.OIDC_SCOPE },
    clientRefSecret: e.CLIENT_REF_SECRET,
    logLevel: e.LOG_LEVEL,
    prettyLogs: e.NODE_ENV !== 'production',
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    projections: projectionSettingsOf(e),
    clientDataRetentionDays: e.CLIENT_DATA_RETENTION_DAYS,
    asOfReplaysMax: e.ASOF_REPLAYS_MAX,
    asOfSnapshotEvery: e.ASOF_SNAPSHOT_EVERY,
    commandsInFlightMax: e.COMMANDS_IN_FLIGHT_MAX,
  };
}

function authConfigOf(e: z.output<typeof schema>): AuthConfig {
  if (e.AUTH_MODE === 'production') return entraConfigOf(e);
  if (e.AUTH_MODE !== 'claims') return { mode: 'dev' };
  const maxTokenAgeSeconds = e.TOKEN_MAX_AGE_SECONDS;
  return { mode: 'claims', issuer: e.OIDC_ISSUER!, audience: e.OIDC_AUDIENCE!, jwksUrl: e.OIDC_JWKS_URL!, maxTokenAgeSeconds };
}

// Connection strings and secrets may carry passwords: an error line names the variable, never its value.
const shown = (field: string, value: string) => (/SECRET|APP_JWK|DATABASE_URL|CONNECTION_STRING/.test(field) ? '…' : value);
