import { z } from 'zod';
import { checkTimeWindow, pageParams, timeWindowParams } from '../../shared/http/time-window-params.js';
import { officeNumberField } from '../../shared/values/dto-fields.js';

export const accessLogParams = checkTimeWindow(
  z.strictObject({
    ...pageParams,
    ...timeWindowParams,
    office: officeNumberField.optional(),
  }),
);

export type AccessLogParams = z.infer<typeof accessLogParams>;
