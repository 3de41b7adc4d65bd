import { z } from 'zod';
import { occurredAtField, officeNumberField } from '../../shared/values/dto-fields.js';

export const transferCaseBody = z.strictObject({
  toOfficeNumber: officeNumberField,
  occurredAt: occurredAtField,
});

export type TransferCaseBody = z.infer<typeof transferCaseBody>;
