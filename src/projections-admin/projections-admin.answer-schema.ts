import { z } from 'zod';
import { named } from '../shared/open-api/api-schemas.js';

const error = z.object({ position: z.int().min(0), message: z.string() }).nullable();

export const projectionStatusSchema = named(
  'ProjectionStatus',
  z.object({
    name: z.string(),
    version: z.int().describe('the version this instance runs'),
    liveVersion: z.int().describe('the version the live table was built with'),
    status: z.enum(['running', 'catching_up', 'degraded', 'rebuilding', 'failed', 'stopped']),
    position: z.int().min(0).describe('last global position the live table has processed'),
    headPosition: z.int().min(0),
    lag: z.int().min(0).describe('events after position up to the head, counted up to 1000 (that figure means "at least")'),
    eventsPerSecond: z.number().min(0),
    error,
    parkedEvents: z.int().min(0),
    rebuild: z
      .object({
        version: z.int(),
        position: z.int().min(0),
        lag: z.int().min(0),
        eventsPerSecond: z.number().min(0),
        error,
        parkedEvents: z.int().min(0),
      })
      .nullable(),
    role: z.enum(['leader', 'standby', 'stopped']).describe('this instance: leader runs the live job, standby waits to take it over'),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);

export const projectionsSchema = named('Projections', z.object({ projections: z.array(projectionStatusSchema) }));

export const parkedEventsSchema = named(
  'ParkedEvents',
  z.object({
    projection: z.string(),
    parkedEvents: z.array(
      named(
        'ParkedEvent',
        z.object({
          position: z.int().min(0),
          version: z.int(),
          eventType: z.string(),
          streamId: z.string().nullable(),
          keys: z.array(z.string()),
          error: z.string(),
          parkedAt: z.iso.datetime({ offset: true }),
        }),
      ),
    ),
  }),
);

export const retryParkedSchema = named(
  'ParkedEventsRetry',
  z.object({ retrying: z.int().min(0).describe('events parked when the rebuild started'), status: projectionStatusSchema }),
);

export const verificationSchema = named(
  'ProjectionVerification',
  z.object({
    equal: z.boolean(),
    position: z.int().min(0).describe("the live view's position; the replay used the events up to it"),
    compared: z.int().min(0),
    differenceCount: z.int().min(0),
    differences: z.array(z.object({ key: z.string(), live: z.unknown(), replayed: z.unknown() })),
  }),
);
