import { z } from 'zod';
import { EMPLOYMENT_TYPES } from '../../shared/values/codes.js';
import { occurredAtField, orgNumberField, startDateField } from '../../shared/values/dto-fields.js';

export const placeClientBody = z.strictObject({
  orgNumber: orgNumberField,
  startDate: startDateField,
  employmentPercent: z.number().int().min(1).max(100),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  wageSubsidy: z.boolean().optional(),
  occurredAt: occurredAtField,
});

export type PlaceClientBody = z.infer<typeof placeClientBody>;
