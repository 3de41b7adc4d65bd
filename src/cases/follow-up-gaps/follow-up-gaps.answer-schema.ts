import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';
import { count, instant, officeNumber, orgNumber, viewAnswerMarks } from '../../shared/views/view-answer.schema.js';

export const followUpGapSchema = named(
  'FollowUpGap',
  z.object({
    caseId: z.uuid(),
    subjectId: z.string().nullable().describe("the client's random subject id; null on a legacy case once the client is erased"),
    clientRef: z.string().nullable().describe("the client's pseudonym; null once the client is erased (the case still counts)"),
    measureCode: z.string(),
    providerOrgNumber: orgNumber().nullable(),
    lastFollowUpAt: instant().nullable().describe('null: no follow-up since enrolment'),
    daysWithout: count(),
  }),
);

export const followUpGapsAnswerSchema = named(
  'FollowUpGaps',
  z.object({ officeNumber: officeNumber(), ...viewAnswerMarks, days: z.int().min(1), count: count(), cases: z.array(followUpGapSchema) }),
  'active EXTERNAL cases with no follow-up for `days` days or more',
);
