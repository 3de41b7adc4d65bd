import { z } from 'zod';
import { FOLLOW_UP_MODES, MEASURE_CODES, NEED_GROUPS } from '../../shared/values/codes.js';
import { occurredAtField, orgNumberField } from '../../shared/values/dto-fields.js';
import { CLIENT_REF_PATTERN, isValidPersonalId } from '../../shared/values/personal-id.js';

/** Either the client's personal id number (pseudonymised at once) or a clientRef made earlier. */
export const enrolClientBody = z
  .strictObject({
    personId: z
      .string()
      .regex(/^\d{11}$/, 'must be 11 digits')
      .refine(isValidPersonalId, 'is not a valid fødselsnummer or D-number')
      .optional(),
    clientRef: z.string().regex(CLIENT_REF_PATTERN, 'must be a clientRef (64 hex digits)').optional(),
    needGroup: z.enum(NEED_GROUPS),
    followUpMode: z.enum(FOLLOW_UP_MODES),
    measureCode: z.enum(MEASURE_CODES),
    providerOrgNumber: orgNumberField.optional(),
    occurredAt: occurredAtField,
  })
  .superRefine((body, ctx) => {
    if ((body.personId === undefined) === (body.clientRef === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'give exactly one of personId and clientRef' });
    }
  });

export type EnrolClientBody = z.infer<typeof enrolClientBody>;
/** What goes past the controller: the pseudonym only. */
/** What the command takes: the client's subject id, found (or made) from the pseudonym at the edge. */
export type EnrolClientInput = Omit<EnrolClientBody, 'personId' | 'clientRef'> & { subjectId: string };
