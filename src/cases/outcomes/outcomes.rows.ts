/** One cohort: cases that started at an office in a month, by follow-up mode and measure. */
export interface Cohort {
  month: string;
  followUpMode: string;
  measureCode: string;
  enrolled: number;
  active: number;
  placed: number;
  exited: number;
  transferred: number;
  daysToPlacement: number[];
}

/** External cases by provider, for the national provider view. */
export interface ProviderCohort {
  providerOrgNumber: string;
  officeNumber: string;
  month: string;
  enrolled: number;
  placed: number;
}

/** An office's cases by start month, all modes together: what the national comparison sums. */
export interface OfficeMonth {
  officeNumber: string;
  month: string;
  enrolled: number;
  placed: number;
}
