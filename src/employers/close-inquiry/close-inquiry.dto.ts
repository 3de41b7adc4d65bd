import { z } from 'zod';
import { INQUIRY_CLOSING_REASONS } from '../../shared/values/codes.js';
import { occurredAtField } from '../../shared/values/dto-fields.js';

export const closeInquiryBody = z.strictObject({
  reason: z.enum(INQUIRY_CLOSING_REASONS),
  /** Required with OTHER; like every note, free of personal data (confirmed by `noPersonalData`). */
  note: z.string().trim().min(1).max(500).optional(),
  noPersonalData: z.boolean().optional(),
  occurredAt: occurredAtField,
});

export type CloseInquiryBody = z.infer<typeof closeInquiryBody>;
