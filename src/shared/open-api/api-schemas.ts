import { z } from 'zod';

/**
 * The named schemas of the OpenAPI document (`components.schemas`): every answer a route gives,
 * registered where the answer is made. The document is generated from these zod schemas, and the
 * contract test checks every response of the e2e and api suites against it.
 */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Registers `schema` as `components.schemas[id]` and hands it back. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiSchemas.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

/** The `$ref` of a named schema; a schema that was never named is a mistake of the route's declaration. */
export function refTo(schema: z.ZodType): { $ref: string } {
  const meta = apiSchemas.get(schema);
  if (!meta) throw new Error('An answer schema must be named (named(id, schema)) before a route declares it');
  return { $ref: `#/components/schemas/${meta.id}` };
}

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of every named schema, referring to each other by `$ref`. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _, $id: _id, ...schema }]) => [
      id,
      withoutFormatPatterns(schema) as Record<string, unknown>,
    ]),
  );
}

/** A request schema (body or one query parameter) as the caller sends it, inline. */
export function requestSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return withoutFormatPatterns(json) as Record<string, unknown>;
}

/**
 * zod writes each format (date-time, date, uuid…) twice, as `format` and as a long `pattern` of
 * the same; the document keeps the `format`, which every OpenAPI tool knows, and stays readable.
 */
function withoutFormatPatterns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFormatPatterns);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]) => [key, withoutFormatPatterns(inner)] as const);
  const hasFormat = typeof (value as { format?: unknown }).format === 'string';
  return Object.fromEntries(hasFormat ? entries.filter(([key]) => key !== 'pattern') : entries);
}
