/** One cohort: cases that started at an office in a month, by follow-up mode and measure. */
export interface Cohort {
  month: string;
  followUpMode: string;
  measureCode: string;
  enrolled: number;
  active: number;
  placed: number;
  exited: number;
  /** Cases that arrived by transfer: counted in `enrolled` too (their cohort is the arrival month). */
  transferredIn: number;
  /** Cases that left by transfer: counted in `enrolled`, ended in none of `active`, `placed`, `exited`. */
  transferredOut: number;
  daysToPlacement: number[];
}

/** External cases by provider, for the national provider view. */
export interface ProviderCohort {
  providerOrgNumber: string;
  officeNumber: string;
  month: string;
  enrolled: number;
  placed: number;
  transferredIn: number;
  transferredOut: number;
}

/** An office's cases by start month, all modes together: what the national comparison sums. */
export interface OfficeMonth {
  officeNumber: string;
  month: string;
  enrolled: number;
  placed: number;
  transferredIn: number;
  transferredOut: number;
}

/** The counts every row kind keeps (cohort, provider, office-month). */
export type Counts = { enrolled: number; placed: number; transferredIn: number; transferredOut: number };
