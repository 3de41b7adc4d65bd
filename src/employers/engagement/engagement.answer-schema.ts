import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';
import { count, monthKey, officeNumber, rate, viewAnswerMarks } from '../../shared/views/view-answer.schema.js';

const byCode = () => z.record(z.string(), count()).describe('every code of the vocabulary, 0 when none');

export const engagementMonthSchema = named(
  'EngagementMonth',
  z.object({
    month: monthKey(),
    employerContacts: count(),
    uniqueEmployers: count(),
    activeAdvisors: count(),
    contactsPerAdvisor: rate(),
    byChannel: byCode(),
    byTheme: byCode(),
    byService: byCode(),
    contactsFromOtherOffices: count(),
    naceSections: z.array(z.string()),
    recruitmentNeedsOpened: count(),
    recruitmentNeedsFilled: count(),
    placements: count(),
    placementsAfterContact: count(),
  }),
);

export const engagementAnswerSchema = named(
  'Engagement',
  z.object({ officeNumber: officeNumber(), ...viewAnswerMarks, months: z.array(engagementMonthSchema) }),
  "an office's employer work per month",
);
