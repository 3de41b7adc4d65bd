import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { componentSchemas, refTo } from './api-schemas.js';
import { problemSchema } from './problem.schema.js';
import { PATH_PARAMETERS } from './path-parameters.js';

const DESCRIPTION =
  'Employer contacts and client follow-up at NAV offices, as event-sourced commands, per-office views and audit replay. ' +
  'Every error is application/problem+json (RFC 9457, the `Problem` schema). A path under /api/v1 or a method not in this ' +
  'document answers 404 `ROUTE.NOT_FOUND` with a `Problem`. Any route that needs a token may answer 503 `AUTH.UNAVAILABLE` with ' +
  "Retry-After when the caller's offices or the issuer's keys cannot be fetched in time (never a wider access).";

const PROBLEM = refTo(problemSchema);
const RETRY_AFTER = {
  description: 'seconds to wait before asking again',
  schema: { type: 'integer', minimum: 1 },
  required: true,
};

/** What every operation may answer, whatever its own declarations say. */
const EVERY_ROUTE: Record<string, string> = {
  500: 'a fault of ours (logged); nothing acknowledged was lost',
  503: 'the database cannot be reached just now (SERVICE.UNAVAILABLE, Retry-After)',
};
const WITH_TOKEN: Record<string, string> = {
  401: 'no token, or one that is expired, of another issuer or badly signed',
  403: 'the token does not grant this route (role or office)',
  503: 'the database, the token issuer or Microsoft Graph cannot be reached in time (Retry-After)',
};
const WITH_BODY: Record<string, string> = {
  400: 'the body is not valid JSON, or breaks the schema: every violation listed',
  413: 'the body is larger than 100 kB',
  415: 'the body is not application/json',
};

type Operation = {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
};

/**
 * The OpenAPI 3.1 document of the routes Nest mounts, with the answers and parameters their
 * decorators declare from zod schemas, finished by `finishDocument`.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Employer-contact tracker')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'this service (the paths carry /api/v1 themselves)')
    .addBearerAuth()
    .build();
  return finishDocument(SwaggerModule.createDocument(app, config));
}

/**
 * What holds for every route, written once here rather than on each: the named schemas, an empty
 * `security` on public routes, the errors every route (or every route with a token or a body) may
 * answer, every error body a `Problem`, `Retry-After` on every 503 and 429, and path parameters
 * with their patterns.
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  for (const [template, path] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = (path as Record<string, Operation | undefined>)[method];
      if (operation) finishOperation(operation, template);
    }
  }
  document.components = { ...document.components, schemas: { ...componentSchemas(), ...document.components?.schemas } };
  return document;
}

function finishOperation(operation: Operation, template: string): void {
  if (!operation.summary) throw new Error(`An operation has no summary (ApiSummary): ${JSON.stringify(operation.responses)}`);
  operation.security ??= [];
  const shared = {
    ...EVERY_ROUTE,
    ...(operation.security.length > 0 ? WITH_TOKEN : {}),
    ...(operation.requestBody ? WITH_BODY : {}),
  };
  for (const [status, description] of Object.entries(shared)) operation.responses[status] ??= { description };
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) < 400) continue;
    response.content ??= { 'application/problem+json': { schema: PROBLEM } };
    if (status === '503' || status === '429') response.headers = { 'Retry-After': RETRY_AFTER, ...response.headers };
  }
  operation.responses = Object.fromEntries(Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)));
  // A route that validates its whole path with one pipe (`@Param(pipe)`) names no parameter to Nest.
  const parameters = (operation.parameters ??= []);
  const unnamed = [...template.matchAll(/\{([^}]+)\}/g)]
    .map(([, name]) => name!)
    .filter((name) => !parameters.some((p) => p.name === name));
  parameters.unshift(...unnamed.map((name) => ({ name, in: 'path', required: true })));
  for (const parameter of parameters) {
    const known = parameter.in === 'path' ? PATH_PARAMETERS[parameter.name] : undefined;
    if (parameter.in === 'path' && !known) throw new Error(`Path parameter ${parameter.name} is not described in PATH_PARAMETERS`);
    if (known) Object.assign(parameter, known);
  }
}
