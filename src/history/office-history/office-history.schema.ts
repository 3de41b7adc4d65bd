import { z } from 'zod';
import { CASE_EVENT_DATA } from '../../cases/case-events.schema.js';
import { EMPLOYER_EVENT_DATA } from '../../employers/employer-events.schema.js';
import { named } from '../../shared/open-api/api-schemas.js';
import type { KnownEventType } from '../known-event-types.js';

/** Every event type's `data`; a type of the domain's unions missing here fails to compile. */
const EVENT_DATA: Record<KnownEventType, z.ZodType> = { ...CASE_EVENT_DATA, ...EMPLOYER_EVENT_DATA };

const metadata = named(
  'EventMetadata',
  z.object({
    actor: z.string().meta({ examples: ['Z123456'] }),
    commandId: z.string(),
    correlationId: z.string(),
    causationId: z.string(),
    schemaVersion: z.int().min(1).describe('the version `data` is shown in: always the current one'),
    storedSchemaVersion: z.int().min(1).optional().describe('only when the stored event is older and was upcast on read'),
  }),
);

const eventOf = (type: KnownEventType, data: z.ZodType) =>
  named(
    `${type}Event`,
    z.object({
      position: z.int().min(0).describe('global position; pages follow it'),
      streamId: z.string().meta({ examples: ['office-0314.employer-974760673'] }),
      revision: z.int().min(0),
      type: z.literal(type),
      data,
      metadata,
      recordedAt: z.iso.datetime({ offset: true }).describe('when the store committed the event (millisecond precision)'),
    }),
  );

const variants = Object.entries(EVENT_DATA).map(([type, data]) => eventOf(type as KnownEventType, data));

/** One event as history shows it: `data` in the shape of its type's current schema version, told apart by `type`. */
export const historyEventSchema = named(
  'HistoryEvent',
  z.discriminatedUnion('type', variants as [(typeof variants)[number], ...(typeof variants)[number][]]).meta({
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(Object.keys(EVENT_DATA).map((type) => [type, `#/components/schemas/${type}Event`])),
    },
  }),
);

export const officeHistorySchema = named(
  'OfficeHistory',
  z.object({
    officeNumber: z.string().regex(/^\d{4}$/),
    events: z.array(historyEventSchema),
    next: z.int().min(0).nullable().describe('pass as `after` for the next page; null at the end'),
  }),
  "a page of an office's events in global order",
);
