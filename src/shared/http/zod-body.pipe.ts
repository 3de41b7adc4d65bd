import { type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationFailed, type Violation } from './errors/validation-failed.error.js';

/**
 * Checks a body against a strict zod schema: every violation is listed, unknown fields are
 * violations, and no message repeats the value it refused (it may be a personal id number).
 */
export class ZodBodyPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
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
    return [{ path: path || '(body)', message: messageOf(issue) }];
  });

/** zod's own messages for these codes may quote the input; ours never do. */
const messageOf = (issue: z.core.$ZodIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'is required' : `must be ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    default:
      return issue.message;
  }
};
