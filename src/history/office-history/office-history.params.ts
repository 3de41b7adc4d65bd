import { z } from 'zod';
import { checkTimeWindow, pageParams, timeWindowParams } from '../../shared/http/time-window-params.js';
import { KNOWN_EVENT_TYPES } from '../known-event-types.js';

const known = new Set<string>(KNOWN_EVENT_TYPES);

/** `types=A,B` (or `types=A&types=B`): event type names, each one the app knows. */
const types = z
  .preprocess((v) => (Array.isArray(v) ? v.join(',') : v), z.string())
  .transform((v) =>
    v
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  )
  .refine((list) => list.length > 0, 'must name at least one event type')
  .refine((list) => list.every((t) => known.has(t)), `must be event types among ${KNOWN_EVENT_TYPES.join(', ')}`);

export const officeHistoryParams = checkTimeWindow(z.strictObject({ ...pageParams, ...timeWindowParams, types: types.optional() }));

export type OfficeHistoryParams = z.infer<typeof officeHistoryParams>;
