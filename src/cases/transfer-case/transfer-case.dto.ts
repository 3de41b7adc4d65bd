import { z } from 'zod';
import { occurredAtField } from '../../shared/domain/dto-fields.js';

export const transferCaseBody = z.strictObject({
  toOfficeNumber: z.string().regex(/^\d{4}$/, 'must be a 4-digit office number'),
  occurredAt: occurredAtField,
});

export type TransferCaseBody = z.infer<typeof transferCaseBody>;
