import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { z } from 'zod';
import { requestSchemaOf } from '../open-api/api-schemas.js';

/** Shows a zod body schema, as the caller writes it, in the OpenAPI document. */
export const ApiZodBody = (schema: z.ZodType) => applyDecorators(ApiBody({ schema: requestSchemaOf(schema) }));
