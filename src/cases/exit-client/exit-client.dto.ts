import { z } from 'zod';
import { EXIT_REASONS } from '../../shared/domain/codes.js';
import { occurredAtField } from '../../shared/domain/dto-fields.js';

export const exitClientBody = z.strictObject({
  reason: z.enum(EXIT_REASONS),
  occurredAt: occurredAtField,
});

export type ExitClientBody = z.infer<typeof exitClientBody>;
