import type { JWK } from 'jose';
import { z } from 'zod';

/** The roles whose members come from Entra ID groups, in the order ROLE_GROUPS_* are checked. */
export const ROLE_GROUP_VARIABLES = {
  advisor: 'ROLE_GROUPS_ADVISOR',
  manager: 'ROLE_GROUPS_MANAGER',
  auditor: 'ROLE_GROUPS_AUDITOR',
  admin: 'ROLE_GROUPS_ADMIN',
} as const;

export type RoleName = keyof typeof ROLE_GROUP_VARIABLES;

/** AUTH_MODE=production: Entra ID access tokens, offices from Microsoft Graph. */
export interface EntraAuthConfig {
  mode: 'production';
  issuer: string;
  /** This app's client id: the `aud` of every access token meant for it. */
  audience: string;
  jwksUrl: string;
  /** Entra ID group object ids that grant each role. */
  roleGroups: Record<RoleName, string[]>;
  /** The app's own sign-in at the token endpoint: a client assertion signed with `clientJwk` if given, else the secret. */
  graph: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret?: string; clientJwk?: JWK; timeoutMs: number };
  officeCacheTtlSeconds: number;
  maxTokenAgeSeconds: number;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GROUP_LIST_RULE = 'must be a comma-separated list of Entra ID group object ids';

const httpUrl = (error: string) => z.url({ protocol: /^https?$/, error });
const positiveInteger = (rule: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,6}$/, rule)
    .transform(Number);

/** NAIS hands the app a private RSA JWK (AZURE_APP_JWK) to sign client assertions with. */
function isPrivateRsaJwk(value: string): boolean {
  try {
    const jwk = JSON.parse(value) as Record<string, unknown>;
    return jwk.kty === 'RSA' && ['kid', 'n', 'e', 'd'].every((field) => typeof jwk[field] === 'string' && jwk[field] !== '');
  } catch {
    return false;
  }
}

/** A list of group ids; empty items (`a,,b`, a trailing comma) are malformed, not skipped. */
const groupList = z
  .string()
  // Lower case: Entra ID writes object ids that way in tokens; a list pasted from elsewhere may not.
  .transform((value) => value.split(',').map((id) => id.trim().toLowerCase()))
  .refine((ids) => ids.every((id) => GUID.test(id)), GROUP_LIST_RULE);

export const entraVariables = {
  AZURE_APP_CLIENT_ID: z.string().regex(GUID, 'must be a client id (a GUID)').optional(),
  AZURE_APP_CLIENT_SECRET: z.string().optional(),
  AZURE_APP_JWK: z
    .string()
    .refine(isPrivateRsaJwk, 'must be a private RSA JWK with a kid, as JSON')
    .transform((value) => JSON.parse(value) as JWK)
    .optional(),
  AZURE_APP_TENANT_ID: z
    .string()
    .regex(/^[\w.-]+$/, 'must be a tenant id or domain')
    .optional(),
  AZURE_OPENID_CONFIG_ISSUER: httpUrl('must be an http(s) URL').optional(),
  AZURE_OPENID_CONFIG_JWKS_URI: httpUrl('must be an http(s) URL').optional(),
  AZURE_OPENID_CONFIG_TOKEN_ENDPOINT: httpUrl('must be an http(s) URL').optional(),
  GRAPH_BASE_URL: httpUrl('must be an http(s) URL').default('https://graph.microsoft.com/v1.0'),
  GRAPH_TIMEOUT_MS: positiveInteger('must be a whole number of milliseconds, at least 1').default(3000),
  OFFICE_CACHE_TTL_SECONDS: positiveInteger('must be a whole number of seconds, at least 1').default(300),
  TOKEN_MAX_AGE_SECONDS: positiveInteger('must be a whole number of seconds, at least 1').default(7200),
  ROLE_GROUPS_ADVISOR: groupList.optional(),
  ROLE_GROUPS_MANAGER: groupList.optional(),
  ROLE_GROUPS_AUDITOR: groupList.optional(),
  ROLE_GROUPS_ADMIN: groupList.optional(),
};

type EntraEnv = z.output<ReturnType<typeof z.object<typeof entraVariables>>>;
type EntraVariable = keyof typeof entraVariables;

/** What production mode lacks, as `variable message` pairs naming each missing variable. */
export function missingForEntra(env: EntraEnv): [EntraVariable, string][] {
  const missing: [EntraVariable, string][] = [];
  const need = (name: EntraVariable, message = 'is required') => {
    if (env[name] === undefined) missing.push([name, `${message} when AUTH_MODE=production`]);
  };
  need('AZURE_APP_CLIENT_ID');
  if (env.AZURE_APP_JWK === undefined) need('AZURE_APP_CLIENT_SECRET', 'or AZURE_APP_JWK is required');
  need('AZURE_APP_TENANT_ID');
  Object.values(ROLE_GROUP_VARIABLES).forEach((name) => need(name));
  return missing;
}

const LOGIN = 'https://login.microsoftonline.com';

export function entraConfigOf(env: EntraEnv): EntraAuthConfig {
  const tenant = env.AZURE_APP_TENANT_ID!;
  const roleGroups = Object.fromEntries(Object.entries(ROLE_GROUP_VARIABLES).map(([role, variable]) => [role, env[variable]!])) as Record<
    RoleName,
    string[]
  >;
  return {
    mode: 'production',
    issuer: env.AZURE_OPENID_CONFIG_ISSUER ?? `${LOGIN}/${tenant}/v2.0`,
    audience: env.AZURE_APP_CLIENT_ID!,
    jwksUrl: env.AZURE_OPENID_CONFIG_JWKS_URI ?? `${LOGIN}/${tenant}/discovery/v2.0/keys`,
    roleGroups,
    graph: {
      baseUrl: env.GRAPH_BASE_URL.replace(/\/+$/, ''),
      tokenUrl: env.AZURE_OPENID_CONFIG_TOKEN_ENDPOINT ?? `${LOGIN}/${tenant}/oauth2/v2.0/token`,
      clientId: env.AZURE_APP_CLIENT_ID!,
      clientSecret: env.AZURE_APP_CLIENT_SECRET,
      clientJwk: env.AZURE_APP_JWK,
      timeoutMs: env.GRAPH_TIMEOUT_MS,
    },
    officeCacheTtlSeconds: env.OFFICE_CACHE_TTL_SECONDS,
    maxTokenAgeSeconds: env.TOKEN_MAX_AGE_SECONDS,
  };
}
