import { z } from 'zod';
import { occurredAtField, orgNumberField } from '../../shared/values/dto-fields.js';

export const registerRecruitmentNeedBody = z.strictObject({
  orgNumber: orgNumberField,
  positions: z.number().int().min(1).max(10_000),
  occupation: z.string().trim().min(1).max(200),
  occurredAt: occurredAtField,
});

export type RegisterRecruitmentNeedBody = z.infer<typeof registerRecruitmentNeedBody>;
