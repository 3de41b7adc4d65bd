import { z } from 'zod';
import { named } from '../open-api/api-schemas.js';

/** What every command answers (201), and again on an idempotent retry. */
export const commandAcceptedSchema = named(
  'CommandAccepted',
  z.object({
    id: z.string().describe('the id of the thing the command is about (case, need, inquiry, contact event or org number)'),
    streamId: z.string().meta({ examples: ['office-0314.case-0190f3a0-7c1d-7000-8000-000000000000'] }),
    revision: z.int().min(0).describe('the stream revision after this command (use in If-Match)'),
    position: z.int().min(0).describe('global position of the (last) event appended (use as minPosition in queries)'),
  }),
);
export type CommandAccepted = z.infer<typeof commandAcceptedSchema>;
