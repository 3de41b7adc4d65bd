import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';
import { count, instant, officeNumber, orgNumber, viewAnswerMarks } from '../../shared/views/view-answer.schema.js';

export const employerRelationshipSchema = named(
  'EmployerRelationship',
  z.object({
    orgNumber: orgNumber(),
    name: z.string().nullable(),
    naceSection: z.string().nullable(),
    contacts: count(),
    lastContactAt: instant().nullable(),
    placements: count(),
    openNeeds: count(),
    placedButNotContacted90d: z.boolean(),
  }),
);

export const employerRelationshipsAnswerSchema = named(
  'Employers',
  z.object({
    officeNumber: officeNumber(),
    ...viewAnswerMarks,
    employers: z.array(employerRelationshipSchema),
    next: orgNumber().nullable().describe('pass as `after` for the next page; null at the end'),
  }),
  "a page of the office's employers",
);
