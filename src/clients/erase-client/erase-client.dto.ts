import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';
import { mayHoldPersonalId } from '../../shared/values/note.js';
import { isValidPersonalId } from '../../shared/values/personal-id.js';

/** The reason is recorded with the erasure, so it may hold no personal data (no 11-digit runs). */
export const eraseClientBody = z.strictObject({
  personId: z
    .string()
    .regex(/^\d{11}$/, 'must be 11 digits')
    .refine(isValidPersonalId, 'is not a valid fødselsnummer or D-number'),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(
      (text) => !mayHoldPersonalId(text),
      'holds an 11-digit number, which may be a personal id number; a reason may hold no personal data',
    ),
});

export type EraseClientBody = z.infer<typeof eraseClientBody>;

export const erasureSchema = named(
  'Erasure',
  z.object({
    subjectId: z.string().describe('the subject id whose link was removed; it now leads to nobody'),
    erasedAt: z.iso.datetime({ offset: true }),
    erased: z.array(z.string()).describe('what went'),
  }),
);
