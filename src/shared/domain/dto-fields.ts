import { z } from 'zod';
import { OFFICE_NUMBER_PATTERN } from './office-number.js';
import { isValidOrgNumber } from './org-number.js';

/** Field schemas the command bodies share, with messages that never repeat the value. */
export const orgNumberField = z
  .string()
  .regex(/^\d{9}$/, 'must be 9 digits')
  .refine(isValidOrgNumber, 'is not a valid organisation number (mod-11 check digit)');

export const occurredAtField = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time with offset' });

export const officeNumberField = z.string().regex(OFFICE_NUMBER_PATTERN, 'must be a 4-digit office number');

export const dateField = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
