import { z } from 'zod';
import { named } from '../shared/open-api/api-schemas.js';

const part = () => z.enum(['up', 'down']);

export const healthSchema = named(
  'Health',
  z.object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    database: part(),
    eventStore: part(),
    degradedViews: z.array(z.string()).optional().describe('views with parked events or a failure recorded (status degraded)'),
  }),
);

export const livenessSchema = named('Liveness', z.object({ status: z.literal('ok') }));

export const readinessSchema = named(
  'Readiness',
  z.object({
    status: z.enum(['ok', 'degraded', 'unavailable']),
    database: part(),
    eventStore: part(),
    projections: z
      .union([
        z.array(
          z.object({
            name: z.string(),
            status: z.enum(['running', 'catching_up', 'degraded', 'rebuilding', 'failed', 'stopped']),
            lagEvents: z.int().min(0),
            lagSeconds: z.int().min(0),
          }),
        ),
        z.literal('unknown'),
      ])
      .describe('each view, or `unknown` when their state cannot be read'),
  }),
);
