import { z } from 'zod';
import { officeNumberField, orgNumberField } from '../../shared/values/dto-fields.js';

/** The route names the office and the employer; the body has nothing to add. */
export const registerHomeOfficeParams = z.strictObject({ officeNumber: officeNumberField, orgNumber: orgNumberField });
export const registerHomeOfficeBody = z.strictObject({});

export type RegisterHomeOfficeParams = z.infer<typeof registerHomeOfficeParams>;
