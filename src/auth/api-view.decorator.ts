import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiAnswer, ApiProblems, ApiQueryOf, ApiSummary } from '../shared/open-api/api-responses.js';
import { Access, type AccessRule } from './access.decorator.js';

const AS_OF =
  'show the view as it stood at this moment (ISO-8601 with offset, `+` encoded as %2B), compared with the recordedAt of events: ' +
  'the events in global order up to the first one recorded later are replayed in memory through the same projection and query ' +
  '(for an office route only that office\'s events). It is also the "now" of time-dependent figures (follow-up gaps, the default period, ' +
  'not contacted for 90 days). 400 if more than 5 minutes in the future. Not with asOfPosition or minPosition.';
const AS_OF_POSITION =
  'show the view as it stood at this global position (inclusive), replayed in memory. Time-dependent figures use the recordedAt of the ' +
  'last event at or before it as "now". 400 (VIEW.AS_OF_BEYOND_HEAD) if the log has not reached it within 2 s. ' +
  'Not with asOf or minPosition.';
const ANSWER =
  'every answer carries `position`, the last global position the view reflects. A replayed answer (asOf or asOfPosition) also carries ' +
  '`asOfPosition` (the position asked for, or with asOf the last event included; `position` equals it) and `asOf` (the moment shown: ' +
  'the one asked for, in UTC, or the recordedAt of the last event at or before asOfPosition, null if none).';

/** A view route: who may read it, what it answers, its query (the view time included) and its errors. */
export const ApiView = (rule: AccessRule, view: { summary: string; answer: z.ZodType; query: z.ZodType }) =>
  applyDecorators(
    Access(rule),
    ApiBearerAuth(),
    ApiSummary(view.summary),
    ApiQueryOf(view.query, {
      minPosition: 'wait up to 5 s for the view to reach this global position',
      asOf: AS_OF,
      asOfPosition: AS_OF_POSITION,
    }),
    ApiAnswer(view.answer, { description: ANSWER }),
    ApiProblems({
      400:
        'invalid or unknown query parameters; asOf with asOfPosition, or either with minPosition; asOf in the future; ' +
        'asOfPosition beyond the log',
      403: rule.roles.includes('manager') ? 'not a manager of this office, nor an auditor' : 'not an auditor',
      503: 'minPosition not reached within 5 s, or as many asOf/asOfPosition replays are running as the server allows (Retry-After)',
    }),
  );
