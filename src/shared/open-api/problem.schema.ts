import { z } from 'zod';
import { named } from './api-schemas.js';

/** RFC 9457 problem details, with our stable `code` and the list of violations: every error body. */
export const problemSchema = named(
  'Problem',
  z.object({
    type: z.string().meta({ examples: ['urn:problem:validation.failed'] }),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().describe('for people; never repeats a personal id number'),
    code: z.string().describe('stable, for programs, e.g. CASE.ALREADY_CLOSED'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('every violation of the input, when there are any'),
  }),
  'An error (RFC 9457 problem details), always application/problem+json',
);
