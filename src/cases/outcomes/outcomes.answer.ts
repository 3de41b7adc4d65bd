import { median, ratio } from '../../shared/views/months.js';
import type { Cohort, ProviderCohort } from './outcomes.projection.js';

export interface OutcomeFigures {
  enrolled: number;
  active: number;
  placed: number;
  exited: number;
  transferredIn: number;
  transferredOut: number;
  placementRate: number;
  medianDaysToPlacement: number | null;
}

/**
 * Placed over the cases that ended or still run at the office: a case handed over to another
 * office counts in `enrolled` but is no failure of the office it left. 3 decimals; 0 when none.
 */
export const placementRate = (figures: { placed: number; enrolled: number; transferredOut: number }): number =>
  ratio(figures.placed, figures.enrolled - figures.transferredOut);

type Summed = 'enrolled' | 'active' | 'placed' | 'exited' | 'transferredIn' | 'transferredOut';

const figures = (cohorts: Cohort[]): OutcomeFigures => {
  const sum = (field: Summed) => cohorts.reduce((n, c) => n + c[field], 0);
  const counts = {
    enrolled: sum('enrolled'),
    active: sum('active'),
    placed: sum('placed'),
    exited: sum('exited'),
    transferredIn: sum('transferredIn'),
    transferredOut: sum('transferredOut'),
  };
  return { ...counts, placementRate: placementRate(counts), medianDaysToPlacement: median(cohorts.flatMap((c) => c.daysToPlacement)) };
};

function groupBy<K extends string>(cohorts: Cohort[], keyOf: (c: Cohort) => K): Map<K, Cohort[]> {
  const groups = new Map<K, Cohort[]>();
  for (const cohort of cohorts) groups.set(keyOf(cohort), [...(groups.get(keyOf(cohort)) ?? []), cohort]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** Cohorts by start month in [from, to]: totals per mode, per month and mode, per measure and mode. */
export function outcomes(cohortDocs: Iterable<Cohort>, from: string, to: string) {
  const cohorts = [...cohortDocs].filter((c) => c.month >= from && c.month <= to);
  return {
    totals: [...groupBy(cohorts, (c) => c.followUpMode)].map(([followUpMode, group]) => ({ followUpMode, ...figures(group) })),
    cohorts: [...groupBy(cohorts, (c) => `${c.month}|${c.followUpMode}`)].map(([, group]) => ({
      month: group[0]!.month,
      followUpMode: group[0]!.followUpMode,
      ...figures(group),
    })),
    byMeasure: [...groupBy(cohorts, (c) => `${c.measureCode}|${c.followUpMode}`)].map(([, group]) => ({
      measureCode: group[0]!.measureCode,
      followUpMode: group[0]!.followUpMode,
      ...figures(group),
    })),
  };
}

/** Per provider: enrolled, placed, transfers and rate of the EXTERNAL cases started in the period, and where. */
export function providerOutcomes(rows: Iterable<ProviderCohort>) {
  const byProvider = new Map<string, ProviderCohort[]>();
  for (const row of rows) byProvider.set(row.providerOrgNumber, [...(byProvider.get(row.providerOrgNumber) ?? []), row]);
  return [...byProvider]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([providerOrgNumber, group]) => {
      const sum = (field: 'enrolled' | 'placed' | 'transferredIn' | 'transferredOut') => group.reduce((n, r) => n + r[field], 0);
      const counts = {
        enrolled: sum('enrolled'),
        placed: sum('placed'),
        transferredIn: sum('transferredIn'),
        transferredOut: sum('transferredOut'),
      };
      return {
        providerOrgNumber,
        ...counts,
        placementRate: placementRate(counts),
        offices: [...new Set(group.map((r) => r.officeNumber))].sort(),
      };
    });
}

/** The providers answer's list: one entry per provider, by org number. */
export type ProviderOutcomes = ReturnType<typeof providerOutcomes>;
