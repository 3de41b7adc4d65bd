import { z } from 'zod';
import { FOLLOW_UP_KINDS } from '../../shared/domain/codes.js';
import { occurredAtField } from '../../shared/domain/dto-fields.js';

export const recordFollowUpBody = z.strictObject({
  kind: z.enum(FOLLOW_UP_KINDS),
  occurredAt: occurredAtField,
});

export type RecordFollowUpBody = z.infer<typeof recordFollowUpBody>;
