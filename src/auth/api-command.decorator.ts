import { applyDecorators, HttpCode, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access } from './access.decorator.js';
import { ApiZodBody } from '../shared/http/api-body.decorator.js';
import { CommandSpanInterceptor } from '../telemetry/command-span.interceptor.js';

const accepted = {
  type: 'object',
  required: ['id', 'streamId', 'revision', 'position'],
  properties: {
    id: { type: 'string' },
    streamId: { type: 'string', example: 'office-0314.case-0190f3a0-…' },
    revision: { type: 'integer', description: 'the stream revision after this command (use in If-Match)' },
    position: { type: 'integer', description: 'global position of the event (use as minPosition in queries)' },
  },
};

/** Everything a command route shares: advisor of the office, 201, its span, the optional headers, the errors. */
export const ApiCommand = (body: z.ZodType) =>
  applyDecorators(
    HttpCode(201),
    UseInterceptors(CommandSpanInterceptor),
    Access({ roles: ['advisor'], office: 'param' }),
    ApiBearerAuth(),
    ApiZodBody(body),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body → the first answer again, nothing appended' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'expected stream revision, e.g. "3"; 412 if the stream moved' }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'a UUID or ULID; anything else is replaced by a new one (the answer says which in X-Correlation-Id-Source)',
    }),
    ApiCreatedResponse({ schema: accepted }),
    ApiResponse({ status: 400, description: 'invalid input: every violation listed (problem+json)' }),
    ApiResponse({ status: 401, description: 'no or bad token' }),
    ApiResponse({ status: 403, description: 'not an advisor of this office' }),
    ApiResponse({ status: 404, description: 'unknown case or need' }),
    ApiResponse({ status: 409, description: 'breaks a rule of the case or employer' }),
    ApiResponse({ status: 412, description: 'If-Match revision mismatch' }),
    ApiResponse({ status: 422, description: 'Idempotency-Key reused with another body' }),
  );
