import { z } from 'zod';
import { occurredAtField } from '../../shared/values/dto-fields.js';

/** The advisor sending it becomes responsible; `occurredAt` defaults to the server's clock. */
export const takeInquiryBody = z.strictObject({
  occurredAt: occurredAtField.optional(),
});

export type TakeInquiryBody = z.infer<typeof takeInquiryBody>;
