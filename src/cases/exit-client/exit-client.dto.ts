import { z } from 'zod';
import { EXIT_REASONS } from '../../shared/values/codes.js';
import { occurredAtField } from '../../shared/values/dto-fields.js';

export const exitClientBody = z.strictObject({
  reason: z.enum(EXIT_REASONS),
  occurredAt: occurredAtField,
});

export type ExitClientBody = z.infer<typeof exitClientBody>;
