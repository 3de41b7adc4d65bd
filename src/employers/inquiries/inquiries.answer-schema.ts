import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';
import { INQUIRY_SOURCES, THEMES } from '../../shared/values/codes.js';
import { count, instant, monthKey, officeNumber, orgNumber, viewAnswerMarks } from '../../shared/views/view-answer.schema.js';

const now = instant().describe('the "now" the figures were counted at (the as-of moment on a replay)');

export const inquiriesAnswerSchema = named(
  'Inquiries',
  z.object({
    officeNumber: officeNumber(),
    ...viewAnswerMarks,
    now,
    months: z.array(
      named(
        'InquiryMonth',
        z.object({
          month: monthKey(),
          received: count(),
          answeredWithinDeadline: count(),
          answeredLate: count(),
          open: count(),
          openOverdue: count(),
          medianHoursToFirstContact: z.number().nullable(),
        }),
      ),
    ),
  }),
  "an office's inquiries per month received",
);

export const overdueInquiriesAnswerSchema = named(
  'OverdueInquiries',
  z.object({
    officeNumber: officeNumber(),
    ...viewAnswerMarks,
    now,
    count: count(),
    inquiries: z.array(
      named(
        'OverdueInquiry',
        z.object({
          inquiryId: z.uuid(),
          orgNumber: orgNumber(),
          source: z.enum(INQUIRY_SOURCES),
          theme: z.enum(THEMES),
          receivedAt: instant(),
          dueAt: instant(),
          responsible: z.string().nullable().describe('the NAV-ident of the advisor who took it, if anyone did'),
          hoursOverdue: count(),
        }),
      ),
    ),
  }),
  'open inquiries past their deadline, oldest deadline first',
);
