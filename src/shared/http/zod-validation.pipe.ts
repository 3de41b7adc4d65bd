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
    const input = value ?? {};
    // Checked before the schema, and for every string (keys too): PostgreSQL's jsonb takes neither NUL
    // nor a lone surrogate, so one slipping through a schema would be a 500 at the append.
    const badText = textViolations(input);
    const result = this.schema.safeParse(input, { error: phrasing });
    if (result.success && badText.length === 0) return result.data;
    const schemaViolations = result.success ? [] : violationsOf(result.error);
    const seen = new Set(badText.map((v) => v.path));
    const violations = [...badText, ...schemaViolations.filter((v) => !seen.has(v.path))];
    throw new ValidationFailed(violations, badText.length === 0 && !result.success ? soleCodeOf(result.error) : undefined);
  }
}

export const BAD_TEXT_MESSAGE = 'must not contain NUL or lone surrogates';

/** An unknown key is named only if it cannot hold a personal id number or other digits: letters and `_`. */
const echoable = (key: string): boolean => /^[A-Za-z_]{1,64}$/.test(key);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isBadText = (text: string): boolean => text.includes('\0') || LONE_SURROGATE.test(text);

/**
 * The paths of strings (values or keys) holding NUL or a lone surrogate, walked without recursion
 * so a deeply nested body cannot overflow the stack; at most 100 are listed.
 */
export function textViolations(input: unknown): Violation[] {
  const found: Violation[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  while (stack.length > 0 && found.length < 100) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (isBadText(value)) found.push({ path: path || '(body)', message: BAD_TEXT_MESSAGE });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const name = echoable(key) || /^\d{1,6}$/.test(key) ? key : '(key)';
        const childPath = path ? `${path}.${name}` : name;
        if (isBadText(key)) found.push({ path: childPath, message: BAD_TEXT_MESSAGE });
        else stack.push({ value: child, path: childPath });
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The code a refinement gives (`params.code`) when it is the only issue: the answer a decider would give. */
const soleCodeOf = (error: z.ZodError): string | undefined => {
  const [issue, ...others] = error.issues;
  const code = issue?.code === 'custom' ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
  return others.length === 0 && typeof code === 'string' ? code : undefined;
};

export const violationsOf = (error: z.ZodError): Violation[] =>
  error.issues.flatMap((issue): Violation[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // An unknown name may itself be personal (`?12345678901=x`): named only when it is plain letters.
      return issue.keys.map((key) => {
        const name = echoable(key) ? key : '(unknown)';
        return { path: path ? `${path}.${name}` : name, message: 'is not a known field' };
      });
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
