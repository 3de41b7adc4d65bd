import { median, ratio } from '../../shared/views/months.js';
import type { Cohort, ProviderCohort } from './outcomes.projection.js';

export interface OutcomeFigures {
  enrolled: number;
  active: number;
  placed: number;
  exited: number;
  placementRate: number;
  medianDaysToPlacement: number | null;
}

const figures = (cohorts: Cohort[]): OutcomeFigures => {
  const sum = (field: 'enrolled' | 'active' | 'placed' | 'exited') => cohorts.reduce((n, c) => n + c[field], 0);
  const placed = sum('placed');
  return {
    enrolled: sum('enrolled'),
    active: sum('active'),
    placed,
    exited: sum('exited'),
    placementRate: ratio(placed, sum('enrolled')),
    medianDaysToPlacement: median(cohorts.flatMap((c) => c.daysToPlacement)),
  };
};

function groupBy<K extends string>(cohorts: Cohort[], keyOf: (c: Cohort) => K): Map<K, Cohort[]> {
  const groups = new Map<K, Cohort[]>();
  for (const cohort of cohorts) groups.set(keyOf(cohort), [...(groups.get(keyOf(cohort)) ?? []), cohort]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** Cohorts by enrolment month in [from, to]: totals per mode, per month and mode, per measure and mode. */
export function outcomes(cohortDocs: Iterable<Cohort>, from: string, to: string) {
  const cohorts = [...cohortDocs].filter((c) => c.month >= from && c.month <= to);
  return {
    totals: [...groupBy(cohorts, (c) => c.followUpMode)].map(([followUpMode, group]) => ({ followUpMode, ...figures(group) })),
    cohorts: [...groupBy(cohorts, (c) => `${c.month}|${c.followUpMode}`)].map(([, group]) => ({
      month: group[0]!.month, followUpMode: group[0]!.followUpMode, ...figures(group),
    })),
    byMeasure: [...groupBy(cohorts, (c) => `${c.measureCode}|${c.followUpMode}`)].map(([, group]) => ({
      measureCode: group[0]!.measureCode, followUpMode: group[0]!.followUpMode, ...figures(group),
    })),
  };
}

/** Per provider: enrolled, placed and rate of the EXTERNAL cases enrolled in the period, and where. */
export function providerOutcomes(rows: Iterable<ProviderCohort>) {
  const byProvider = new Map<string, ProviderCohort[]>();
  for (const row of rows) byProvider.set(row.providerOrgNumber, [...(byProvider.get(row.providerOrgNumber) ?? []), row]);
  return [...byProvider]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([providerOrgNumber, group]) => {
      const enrolled = group.reduce((n, r) => n + r.enrolled, 0);
      const placed = group.reduce((n, r) => n + r.placed, 0);
      return { providerOrgNumber, enrolled, placed, placementRate: ratio(placed, enrolled), offices: [...new Set(group.map((r) => r.officeNumber))].sort() };
    });
}
