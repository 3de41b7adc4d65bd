import { z } from 'zod';
import { NEED_RESULTS } from '../../shared/values/codes.js';
import { occurredAtField } from '../../shared/values/dto-fields.js';

export const closeRecruitmentNeedBody = z.strictObject({
  result: z.enum(NEED_RESULTS),
  occurredAt: occurredAtField,
});

export type CloseRecruitmentNeedBody = z.infer<typeof closeRecruitmentNeedBody>;
