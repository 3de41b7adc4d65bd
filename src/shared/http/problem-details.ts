import type { z } from 'zod';
import type { Violation } from '../errors/validation-failed.error.js';
import { problemSchema } from '../open-api/problem.schema.js';

/** RFC 9457 problem details, with our stable `code` and the list of violations. */
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
