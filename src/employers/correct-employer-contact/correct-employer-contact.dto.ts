import { z } from 'zod';
import { CONTACT_CORRECTION_REASONS, correctionBody } from '../../shared/values/correction.js';
import { orgNumberField } from '../../shared/values/dto-fields.js';

/** `orgNumber`: the contact's employer, whose stream holds it (the 201 of the contact named it). */
export const correctEmployerContactBody = correctionBody(CONTACT_CORRECTION_REASONS, { orgNumber: orgNumberField });

export type CorrectEmployerContactBody = z.infer<typeof correctEmployerContactBody>;
