import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The document consumers read: the checked-in one (a test keeps it equal to what the code describes). */
const DOCUMENT_FILE = new URL('../docs/openapi.json', import.meta.url);

/** Outside the document: the OpenAPI UI and document themselves, the Prometheus scrape. */
const OUTSIDE_THE_CONTRACT = /^\/(docs|docs-json|docs-yaml|metrics)(\/|$)/;
/** The document's id for Ajv: the base its `#/components/schemas/…` references resolve against. */
const DOCUMENT_ID = 'https://contract.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const JSON_TYPES = ['application/json', 'application/problem+json'];

interface Response {
  description: string;
  content?: Record<string, { schema: unknown }>;
  headers?: Record<string, { required?: boolean }>;
}
interface Route {
  template: string;
  pattern: RegExp;
  /** Fewer parameters first: `/inquiries/overdue` before `/inquiries/{inquiryId}`. */
  parameters: number;
  operations: Partial<Record<(typeof METHODS)[number], { responses: Record<string, Response> }>>;
}

/** One exchange the app answered, as the contract sees it. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  headers: Record<string, unknown>;
  body: string;
}

/**
 * Holds every answer of the app to its OpenAPI document: an operation the document has, a status
 * it declares for that operation, the media type and schema of that status, and its required
 * headers (Retry-After). A path the document does not have must be a 404 `Problem`.
 */
export class OpenApiContract {
  // The document as a whole is no JSON Schema (only its schemas are): not checked against the meta-schema.
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly document = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as { paths: Record<string, Route['operations']> },
  ) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document, DOCUMENT_ID);
    this.routes = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        operations,
        parameters: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** What is wrong with this answer; empty when the document describes it. */
  violationsOf(exchange: Exchange): string[] {
    const method = exchange.method.toLowerCase() as (typeof METHODS)[number];
    const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
    if (!METHODS.includes(method) || OUTSIDE_THE_CONTRACT.test(exchange.path)) return [];
    const route = this.routes.find((r) => r.pattern.test(exchange.path) && r.operations[method]);
    if (!route) {
      // Outside /api and /health: the web app's files and pages (when it is built), no part of the API.
      if (!/^\/(api|health)(\/|$)/.test(exchange.path)) return [];
      if (exchange.status !== 404) return [`${where}: no operation in the document, so only a 404 Problem may answer`];
      return this.bodyViolations(where, exchange, `${DOCUMENT_ID}#/components/schemas/Problem`, 'application/problem+json');
    }
    const responses = route.operations[method]!.responses;
    const declared = responses[String(exchange.status)] ? String(exchange.status) : responses.default ? 'default' : undefined;
    if (!declared) return [`${where}: status not declared for ${method.toUpperCase()} ${route.template}`];
    const response = responses[declared]!;
    const missingHeaders = Object.entries(response.headers ?? {})
      .filter(([name, header]) => header.required && exchange.headers[name.toLowerCase()] === undefined)
      .map(([name]) => `${where}: header ${name} is required`);
    if (!response.content) return exchange.body === '' ? missingHeaders : [...missingHeaders, `${where}: a body where none is declared`];
    const mediaType = Object.keys(response.content).find((type) => exchange.contentType?.startsWith(type));
    if (!mediaType)
      return [...missingHeaders, `${where}: content type ${exchange.contentType} is not one of ${Object.keys(response.content)}`];
    const pointer = ['paths', route.template, method, 'responses', declared, 'content', mediaType, 'schema']
      .map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
      .join('/');
    return [...missingHeaders, ...this.bodyViolations(where, exchange, `${DOCUMENT_ID}#/${pointer}`, mediaType)];
  }

  private bodyViolations(where: string, exchange: Exchange, ref: string, mediaType: string): string[] {
    if (!exchange.contentType?.startsWith(mediaType)) return [`${where}: content type ${exchange.contentType}, not ${mediaType}`];
    if (!JSON_TYPES.includes(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    let validate = this.validators.get(ref);
    if (!validate) this.validators.set(ref, (validate = this.ajv.compile({ $ref: ref })));
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

/**
 * Checks every answer `server` gives against the document: taps each response's bytes and
 * status as it is sent, whoever sent the request (supertest or a real client on a port).
 * Violations are kept until `take()`; the harness fails the suite on any left at close.
 */
export function watchContract(server: Server, contract = sharedContract()): { take(): string[] } {
  const violations: string[] = [];
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), write(chunk, ...rest))) as typeof response.write;
    response.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), end(chunk, ...rest))) as typeof response.end;
    response.once('finish', () => {
      const exchange: Exchange = {
        method: request.method ?? 'GET',
        path,
        status: response.statusCode,
        contentType: response.getHeader('content-type')?.toString(),
        headers: response.getHeaders(),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      violations.push(...contract.violationsOf(exchange));
    });
  });
  return { take: () => violations.splice(0) };
}

let shared: OpenApiContract | undefined;
/** The document, read and compiled once per test file. */
export const sharedContract = () => (shared ??= new OpenApiContract());
