import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The OpenAPI form of a zod body schema. The document at /docs is OpenAPI 3.0, whose schema
 * dialect differs from JSON Schema 2020-12 (nullable, boolean exclusiveMinimum, no `$schema`).
 */
export const openApiSchemaOf = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

/** Shows a zod body schema in the OpenAPI document at /docs. */
export const ApiZodBody = (schema: z.ZodType) => applyDecorators(ApiBody({ schema: openApiSchemaOf(schema) }));
