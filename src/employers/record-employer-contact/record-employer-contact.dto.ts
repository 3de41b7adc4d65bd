import { z } from 'zod';
import { CHANNELS, THEMES } from '../../shared/values/codes.js';
import { occurredAtField, orgNumberField } from '../../shared/values/dto-fields.js';

export const recordEmployerContactBody = z.strictObject({
  orgNumber: orgNumberField,
  employerName: z.string().trim().min(1).max(200).optional(),
  naceCode: z.string().regex(/^\d{2}(\.\d{1,3})?$/, 'must be an SN2007 code such as 41.200').optional(),
  channel: z.enum(CHANNELS),
  theme: z.enum(THEMES),
  occurredAt: occurredAtField,
  durationMinutes: z.number().int().min(1).max(1440).optional(),
  note: z.string().max(2000).optional(),
  noPersonalData: z.boolean().optional(),
});

export type RecordEmployerContactBody = z.infer<typeof recordEmployerContactBody>;
