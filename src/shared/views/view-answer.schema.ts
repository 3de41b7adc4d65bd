import { z } from 'zod';
import { named } from '../open-api/api-schemas.js';

/** A count of things: a whole number, never negative. */
export const count = () => z.int().min(0);
/** A share, 3 decimals, 0 when there is nothing to divide by. */
export const rate = () => z.number().min(0);
export const monthKey = () => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const instant = () => z.iso.datetime({ offset: true });
export const officeNumber = () => z.string().regex(/^\d{4}$/);
export const orgNumber = () => z.string().regex(/^\d{9}$/);

const parkedEvent = named(
  'ParkedEventLeftOut',
  z.object({ view: z.string(), position: z.int().min(0) }),
  'an event a view could not apply, left out of a replay as the live view parks it',
);

/**
 * What every view answer carries besides its figures: `position` always; `asOf` and
 * `asOfPosition` (and `parkedEvents` when some were left out) only on a replay.
 */
export const viewAnswerMarks = {
  position: z.int().min(0).describe('the last global position the view reflects'),
  asOf: instant()
    .nullable()
    .optional()
    .describe('replays only: the moment shown (the one asked for, in UTC, or the recordedAt of the last event at or before asOfPosition)'),
  asOfPosition: z.int().min(0).optional().describe('replays only: the last global position the replay covers; equals position'),
  parkedEvents: z.array(parkedEvent).optional().describe('replays only, when some were: events a view could not apply'),
};
