import { z } from 'zod';
import { CORRECTION_REASONS, correctionBody } from '../../shared/values/correction.js';

export const correctRecruitmentNeedBody = correctionBody(CORRECTION_REASONS, {});

export type CorrectRecruitmentNeedBody = z.infer<typeof correctRecruitmentNeedBody>;
