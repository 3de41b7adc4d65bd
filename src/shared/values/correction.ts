import { z } from 'zod';
import { mayHoldPersonalId } from './note.js';

/**
 * Why a step was registered in error (NAV's FEILREGISTRERT): the reason codes every correction
 * takes. `OTHER` needs a text; the text may hold no personal data, so an 11-digit run is refused
 * as in a contact's note. `NOTE_REDACTED` is a contact's only: it discards the note, not the contact.
 */
export const CORRECTION_REASONS = ['WRONG_EMPLOYER', 'WRONG_CLIENT', 'WRONG_DATE', 'DUPLICATE', 'OTHER'] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];
export const CONTACT_CORRECTION_REASONS = [...CORRECTION_REASONS, 'NOTE_REDACTED'] as const;
export type ContactCorrectionReason = (typeof CONTACT_CORRECTION_REASONS)[number];

/** What every correction says about itself, as its event carries it. */
export interface CorrectionFacts {
  reason: string;
  text?: string;
  /** When the correction was made (the server's time of the command). */
  correctedAt: string;
  navIdent: string;
}

const isOtherWithoutText = (body: { reason: string; text?: string }) => body.reason === 'OTHER' && body.text === undefined;

const correctionText = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine((text) => !mayHoldPersonalId(text), {
    message: 'holds an 11-digit number, which may be a personal id number; a correction text may hold no personal data',
  });

/** The body fields every correction route shares; `extra` adds the route's own (its target). */
export const correctionBody = <Reasons extends readonly [string, ...string[]], Extra extends z.ZodRawShape>(
  reasons: Reasons,
  extra: Extra,
) =>
  z
    .strictObject({ ...extra, reason: z.enum(reasons), text: correctionText.optional() })
    .refine((body) => !isOtherWithoutText(body as { reason: string; text?: string }), { message: 'OTHER needs a text', path: ['text'] });
