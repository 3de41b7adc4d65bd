import { z } from 'zod';
import { CHANNELS, SERVICES, THEMES } from '../../shared/values/codes.js';
import { occurredAtField, orgNumberField } from '../../shared/values/dto-fields.js';

export const recordEmployerContactBody = z.strictObject({
  orgNumber: orgNumberField,
  employerName: z.string().trim().min(1).max(200).optional(),
  naceCode: z
    .string()
    .regex(/^\d{2}(\.\d{1,3})?$/, 'must be an SN2007 code such as 41.200')
    .optional(),
  channel: z.enum(CHANNELS),
  theme: z.enum(THEMES),
  /** Optional: a service of the chosen theme (docs/domain.md lists them). */
  service: z.enum(SERVICES).optional(),
  occurredAt: occurredAtField,
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  note: z.string().max(2000).optional(),
  noPersonalData: z.boolean().optional(),
  /** The inquiry this contact answers (its first contact counts against the two working days). */
  inquiryId: z.uuid().optional(),
});

export type RecordEmployerContactBody = z.infer<typeof recordEmployerContactBody>;
