import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { Access, type AccessRule } from './access.decorator.js';

const AS_OF =
  'show the view as it stood at this moment (ISO-8601 with offset, `+` encoded as %2B), compared with the recordedAt of events: ' +
  'the events in global order up to the first one recorded later are replayed in memory through the same projection and query ' +
  '(for an office route only that office\'s events). It is also the "now" of time-dependent figures (follow-up gaps, the default period, ' +
  'not contacted for 90 days). 400 if more than 5 minutes in the future. Not with asOfPosition or minPosition.';
const AS_OF_POSITION =
  'show the view as it stood at this global position (inclusive), replayed in memory. Time-dependent figures use the recordedAt of the ' +
  'last event at or before it as "now". 400 (VIEW.AS_OF_BEYOND_HEAD) if the log has not reached it within 2 s. Not with asOf or minPosition.';
const ANSWER =
  'every answer carries `position`, the last global position the view reflects. A replayed answer (asOf or asOfPosition) also carries ' +
  '`asOfPosition` (the position asked for, or with asOf the last event included; `position` equals it) and `asOf` (the moment shown: ' +
  'the one asked for, in UTC, or the recordedAt of the last event at or before asOfPosition, null if none).';

/** What every view route shares: who may read it, minPosition or an as-of moment, its answer marks and its errors. */
export const ApiView = (rule: AccessRule, ...query: string[]) =>
  applyDecorators(
    Access(rule),
    ApiBearerAuth(),
    ...query.map((name) => ApiQuery({ name, required: false })),
    ApiQuery({ name: 'minPosition', required: false, description: 'wait up to 5 s for the view to reach this global position' }),
    ApiQuery({ name: 'asOf', required: false, description: AS_OF, example: '2026-03-01T12:00:00+01:00' }),
    ApiQuery({ name: 'asOfPosition', required: false, description: AS_OF_POSITION, schema: { type: 'integer', minimum: 0 } }),
    ApiResponse({ status: 200, description: ANSWER }),
    ApiResponse({
      status: 400,
      description:
        'invalid query parameters; asOf with asOfPosition, or either with minPosition; asOf in the future; asOfPosition beyond the log (problem+json)',
    }),
    ApiResponse({ status: 401, description: 'no or bad token' }),
    ApiResponse({ status: 403, description: 'not a manager of this office, nor an auditor' }),
    ApiResponse({
      status: 503,
      description:
        'minPosition not reached within 5 s, a new version of the view is still being rebuilt, ' +
        'or as many asOf/asOfPosition replays are running as the server allows (Retry-After)',
    }),
  );
