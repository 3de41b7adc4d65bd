import { z } from 'zod';
import { INQUIRY_SOURCES, THEMES } from '../../shared/values/codes.js';
import { occurredAtField, orgNumberField } from '../../shared/values/dto-fields.js';

export const registerInquiryBody = z.strictObject({
  orgNumber: orgNumberField,
  source: z.enum(INQUIRY_SOURCES),
  theme: z.enum(THEMES),
  /** When the employer's inquiry reached NAV: the two working days run from here. */
  receivedAt: occurredAtField,
});

export type RegisterInquiryBody = z.infer<typeof registerInquiryBody>;
