import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { refTo, requestSchemaOf } from './api-schemas.js';

/** The operation's one-line summary (every operation has one). */
export const ApiSummary = (summary: string) => ApiOperation({ summary });

/** A success answer of the route, by its named zod schema. */
export const ApiAnswer = (schema: z.ZodType, options: { status?: number; description?: string } = {}) =>
  ApiResponse({ status: options.status ?? 200, description: options.description ?? 'the answer', schema: refTo(schema) });

/**
 * The error statuses a route answers besides those every route shares (`finishDocument` adds
 * those): each becomes an application/problem+json `Problem` in the document.
 */
export const ApiProblems = (problems: Partial<Record<number, string>>) =>
  applyDecorators(...Object.entries(problems).map(([status, description]) => ApiResponse({ status: Number(status), description })));

/**
 * The query parameters of a route, from the zod schema its ZodValidationPipe checks them with:
 * types, patterns and bounds as the caller writes them. A parameter's description is its
 * `.describe()`, else the one given here.
 */
export function ApiQueryOf(params: z.ZodType, descriptions: Record<string, string> = {}) {
  if (!(params instanceof z.ZodObject)) throw new Error('ApiQueryOf needs the z.object the route validates its query with');
  const shape = params.shape as Record<string, z.ZodType>;
  return applyDecorators(
    ...Object.entries(shape).map(([name, schema]) => {
      const { description, ...json } = requestSchemaOf(schema);
      return ApiQuery({
        name,
        required: !schema.safeParse(undefined).success,
        description: (description as string | undefined) ?? descriptions[name],
        schema: json,
      });
    }),
  );
}
