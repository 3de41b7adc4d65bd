import { z } from 'zod';

/**
 * Everything the service reads from its environment, checked at start. The only module that
 * looks at the process environment is `main.ts`, which hands it to `loadConfig`.
 */
const schema = z
  .object({
    NODE_ENV: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    EVENT_STORE: z.enum(['postgres', 'memory', 'kurrentdb']).default('postgres'),
    KURRENTDB_CONNECTION_STRING: z.string().optional(),
    AUTH_MODE: z.enum(['dev', 'production']).optional(),
    OIDC_ISSUER: z.string().url().optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    OIDC_JWKS_URL: z.string().url().optional(),
    CLIENT_REF_SECRET: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const need = (field: keyof typeof env, why: string) => {
      if (!env[field]) ctx.addIssue({ code: 'custom', path: [field], message: `is required ${why}` });
    };
    if (env.EVENT_STORE === 'kurrentdb') need('KURRENTDB_CONNECTION_STRING', 'when EVENT_STORE=kurrentdb');
    if (env.NODE_ENV === 'production' && !env.AUTH_MODE) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: 'must be set explicitly when NODE_ENV=production' });
    }
    if (env.AUTH_MODE === 'production') {
      need('OIDC_ISSUER', 'when AUTH_MODE=production');
      need('OIDC_AUDIENCE', 'when AUTH_MODE=production');
      need('OIDC_JWKS_URL', 'when AUTH_MODE=production');
      if (!env.CLIENT_REF_SECRET || env.CLIENT_REF_SECRET.length < 32) {
        ctx.addIssue({ code: 'custom', path: ['CLIENT_REF_SECRET'], message: 'must be at least 32 characters when AUTH_MODE=production' });
      }
    }
  });

export interface Config {
  port: number;
  /** Absent: an embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  eventStore: { kind: 'postgres' } | { kind: 'memory' } | { kind: 'kurrentdb'; connectionString: string };
  auth: { mode: 'dev' } | { mode: 'production'; issuer: string; audience: string; jwksUrl: string };
  /** HMAC key for client pseudonyms; in dev mode made once per data directory when not given. */
  clientRefSecret?: string;
  logLevel: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Pure: the same environment always gives the same config or the same one-line error. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'environment');
      const got = env[field] === undefined ? '' : ` (got ${JSON.stringify(secretSafe(field, env[field]!))})`;
      return `${field} ${issue.message}${got}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    eventStore:
      e.EVENT_STORE === 'kurrentdb'
        ? { kind: 'kurrentdb', connectionString: e.KURRENTDB_CONNECTION_STRING! }
        : { kind: e.EVENT_STORE },
    auth:
      e.AUTH_MODE === 'production'
        ? { mode: 'production', issuer: e.OIDC_ISSUER!, audience: e.OIDC_AUDIENCE!, jwksUrl: e.OIDC_JWKS_URL! }
        : { mode: 'dev' },
    clientRefSecret: e.CLIENT_REF_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}

const secretSafe = (field: string, value: string) => (/SECRET|URL|CONNECTION/.test(field) ? '…' : value);
