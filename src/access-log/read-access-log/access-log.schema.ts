import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';

/** The answer of the access log route. */
export const accessLogSchema = named(
  'AccessLog',
  z.object({
    entries: z.array(
      named(
        'AccessLogEntry',
        z.object({
          id: z.int().min(1).describe('rising; pages follow it'),
          at: z.iso.datetime({ offset: true }),
          navIdent: z.string().nullable().describe('null when no valid token was given (401)'),
          roles: z.array(z.string()),
          officeNumber: z.string().nullable().describe('the office in the route, if any'),
          method: z.string().meta({ examples: ['GET'] }),
          route: z
            .string()
            .describe('the route pattern, never the path')
            .meta({ examples: ['/api/v1/offices/:officeNumber/history'] }),
          allowed: z.boolean(),
          reason: z.string().meta({ examples: ['not a member of office 0314'] }),
          correlationId: z.string().nullable().describe('X-Correlation-Id of the request, when given'),
        }),
      ),
    ),
    next: z.int().min(1).nullable().describe('pass as `after` for the next page; null at the end'),
  }),
  'the access log (sporingslogg), oldest first',
);
