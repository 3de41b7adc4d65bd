import { z } from 'zod';
import { checkTimeWindow, pageParams, timeWindowParams } from '../../shared/http/time-window-params.js';

export const accessLogParams = checkTimeWindow(
  z.strictObject({
    ...pageParams,
    ...timeWindowParams,
    office: z.string().regex(/^\d{4}$/, 'must be a 4-digit office number').optional(),
  }),
);

export type AccessLogParams = z.infer<typeof accessLogParams>;
