import { z } from 'zod';
import { FOLLOW_UP_KINDS } from '../../shared/values/codes.js';
import { occurredAtField } from '../../shared/values/dto-fields.js';

export const recordFollowUpBody = z.strictObject({
  kind: z.enum(FOLLOW_UP_KINDS),
  occurredAt: occurredAtField,
});

export type RecordFollowUpBody = z.infer<typeof recordFollowUpBody>;
