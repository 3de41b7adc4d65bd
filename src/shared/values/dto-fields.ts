import { z } from 'zod';
import { OFFICE_NUMBER_PATTERN } from './office-number.js';
import { isValidOrgNumber } from './org-number.js';
import { EARLIEST_INSTANT, isStartDateInRange, isTooEarly, isTooFarInTheFuture } from './time.js';

/** Field schemas the command bodies share, with messages that never repeat the value. */
export const orgNumberField = z
  .string()
  .regex(/^\d{9}$/, 'must be 9 digits')
  .refine(isValidOrgNumber, 'is not a valid organisation number (first digit 8 or 9, mod-11 check digit)');

/**
 * The time bounds (docs/api.md) are checked here too, against the server's clock, so that a body
 * with other problems lists this one as well; the deciders check them again against the command's `now`.
 * `params.code`: the problem's code when it is the body's only one, as the decider would answer.
 */
export const occurredAtField = z.iso
  .datetime({ offset: true, message: 'must be an ISO-8601 time with offset' })
  .refine((v) => !isTooEarly(v), { message: `must not be before ${EARLIEST_INSTANT}`, params: { code: 'OCCURRED_AT.TOO_EARLY' } })
  .refine((v) => !isTooFarInTheFuture(v, new Date().toISOString()), {
    message: 'may lie at most 5 minutes in the future',
    params: { code: 'OCCURRED_AT.IN_THE_FUTURE' },
  });

export const officeNumberField = z.string().regex(OFFICE_NUMBER_PATTERN, 'must be a 4-digit office number');

const dateField = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const startDateField = dateField.refine((v) => isStartDateInRange(v, new Date().toISOString()), {
  message: 'must be a date from 2000-01-01 to one year after today',
  params: { code: 'START_DATE.OUT_OF_RANGE' },
});
