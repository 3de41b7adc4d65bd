import { z } from 'zod';
import type { Violation } from '../errors/validation-failed.error.js';
import { named } from '../open-api/api-schemas.js';

/** RFC 9457 problem details, with our stable `code` and the list of violations. */
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
export type ProblemDetails = z.infer<typeof problemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Not authenticated',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict with the current state',
  412: 'Precondition failed',
  422: 'Unprocessable request',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const problem = (status: number, code: string, detail: string, errors?: Violation[]): ProblemDetails => ({
  type: `urn:problem:${code.toLowerCase()}`,
  title: TITLES[status] ?? 'Error',
  status,
  detail,
  code,
  ...(errors?.length ? { errors } : {}),
});
