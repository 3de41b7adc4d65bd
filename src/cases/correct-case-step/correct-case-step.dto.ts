import { z } from 'zod';
import { CORRECTION_REASONS, correctionBody } from '../../shared/values/correction.js';

/** `revision`: where the step stands in the case's stream (history shows it; the enrolment is 0). */
export const correctCaseStepBody = correctionBody(CORRECTION_REASONS, { revision: z.number().int().min(0) });

export type CorrectCaseStepBody = z.infer<typeof correctCaseStepBody>;
