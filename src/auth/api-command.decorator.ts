import { applyDecorators, HttpCode, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';
import { commandAcceptedSchema } from '../shared/commands/command-accepted.schema.js';
import { ApiAnswer, ApiProblems, ApiSummary } from '../shared/open-api/api-responses.js';
import type { z } from 'zod';
import { Access } from './access.decorator.js';
import { ApiZodBody } from '../shared/http/api-body.decorator.js';
import { CommandSpanInterceptor } from '../telemetry/command-span.interceptor.js';

/** Everything a command route shares: advisor of the office, 201, its span, the optional headers, the errors. */
export const ApiCommand = (body: z.ZodType, summary: string) =>
  applyDecorators(
    HttpCode(201),
    UseInterceptors(CommandSpanInterceptor),
    Access({ roles: ['advisor'], office: 'param' }),
    ApiBearerAuth(),
    ApiSummary(summary),
    ApiZodBody(body),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key and body → the first answer again, nothing appended' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'expected stream revision, e.g. "3"; 412 if the stream moved' }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'a UUID or ULID; anything else is replaced by a new one (the answer says which in X-Correlation-Id-Source)',
    }),
    ApiAnswer(commandAcceptedSchema, { status: 201, description: 'the command was accepted and its events appended' }),
    ApiProblems({
      400: 'invalid input: every violation listed',
      403: 'not an advisor of this office',
      404: 'unknown case, need, inquiry or contact',
      409: 'breaks a rule of the case or employer, or lost a race for its stream',
      412: 'If-Match revision mismatch',
      422: 'Idempotency-Key reused with another body',
      503:
        'COMMANDS_IN_FLIGHT_MAX commands are running here (COMMANDS.BUSY), or the database, the token issuer or ' +
        'Microsoft Graph cannot be reached in time: nothing was recorded; send it again after Retry-After',
    }),
  );
