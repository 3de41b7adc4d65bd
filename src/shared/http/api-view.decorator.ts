import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { Access, type AccessRule } from '../../auth/access.decorator.js';

/** What every view route shares: who may read it, minPosition, and its errors. */
export const ApiView = (rule: AccessRule, ...query: string[]) =>
  applyDecorators(
    Access(rule),
    ApiBearerAuth(),
    ...query.map((name) => ApiQuery({ name, required: false })),
    ApiQuery({ name: 'minPosition', required: false, description: 'wait up to 5 s for the view to reach this global position' }),
    ApiResponse({ status: 400, description: 'invalid query parameters (problem+json)' }),
    ApiResponse({ status: 401, description: 'no or bad token' }),
    ApiResponse({ status: 403, description: 'not a manager of this office, nor an auditor' }),
    ApiResponse({ status: 503, description: 'minPosition not reached within 5 s (Retry-After)' }),
  );
