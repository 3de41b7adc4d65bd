import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationFailed, type Violation } from '../errors/validation-failed.error.js';

/**
 * Checks a body (or query) against a strict zod schema: every violation is listed, unknown
 * fields are violations, and no message repeats the value it refused (it may be a personal id
 * number). Use as `@Body(new ZodValidationPipe(schema))` or `@Query(new ZodValidationPipe(schema))`.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {}, { error: phrasing });
    if (result.success) return result.data;
    throw new ValidationFailed(violationsOf(result.error));
  }
}

export const violationsOf = (error: z.ZodError): Violation[] =>
  error.issues.flatMap((issue): Violation[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'is not a known field' }));
    }
    return [{ path: path || '(body)', message: issue.message }];
  });

/**
 * Our wording where a schema gives none of its own. zod's English messages for the other codes
 * name the rule (pattern, limit), never the value, so they stay.
 */
const phrasing = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.input === undefined && issue.code !== 'custom') return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return undefined;
  }
};
