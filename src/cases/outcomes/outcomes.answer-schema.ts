import { z } from 'zod';
import { named } from '../../shared/open-api/api-schemas.js';
import { FOLLOW_UP_MODES } from '../../shared/values/codes.js';
import { count, monthKey, officeNumber, orgNumber, rate, viewAnswerMarks } from '../../shared/views/view-answer.schema.js';

const figures = {
  followUpMode: z.enum(FOLLOW_UP_MODES),
  enrolled: count(),
  active: count(),
  placed: count(),
  exited: count(),
  transferredIn: count(),
  transferredOut: count(),
  placementRate: rate(),
  medianDaysToPlacement: z.number().nullable(),
};

export const outcomeFiguresSchema = named('OutcomeFigures', z.object(figures));

export const outcomesAnswerSchema = named(
  'Outcomes',
  z.object({
    officeNumber: officeNumber(),
    ...viewAnswerMarks,
    totals: z.array(outcomeFiguresSchema),
    cohorts: z.array(named('OutcomeCohort', z.object({ month: monthKey(), ...figures }))),
    byMeasure: z.array(named('OutcomeByMeasure', z.object({ measureCode: z.string(), ...figures }))),
  }),
  "an office's cohorts by start month",
);

export const providersAnswerSchema = named(
  'Providers',
  z.object({
    ...viewAnswerMarks,
    providers: z.array(
      named(
        'ProviderOutcome',
        z.object({
          providerOrgNumber: orgNumber(),
          enrolled: count(),
          placed: count(),
          transferredIn: count(),
          transferredOut: count(),
          placementRate: rate(),
          offices: z.array(officeNumber()),
        }),
      ),
    ),
  }),
  'national: per provider, the EXTERNAL cases started in the period',
);
