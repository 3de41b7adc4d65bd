/** The API's answers as the pages read them (see the README's Views and Audit sections). */
export interface ViewAnswer {
  position: number;
  /** Only on a replay: the moment shown and the position replayed up to. */
  asOf?: string | null;
  asOfPosition?: number;
}

export interface EngagementMonth {
  month: string;
  employerContacts: number;
  uniqueEmployers: number;
  activeAdvisors: number;
  contactsPerAdvisor: number;
  byChannel: Record<string, number>;
  byTheme: Record<string, number>;
  naceSections: string[];
  recruitmentNeedsOpened: number;
  recruitmentNeedsFilled: number;
  placements: number;
  placementsAfterContact: number;
}
export interface Engagement extends ViewAnswer {
  officeNumber: string;
  months: EngagementMonth[];
}

export interface OutcomeFigures {
  followUpMode: string;
  enrolled: number;
  active: number;
  placed: number;
  exited: number;
  placementRate: number;
  medianDaysToPlacement: number | null;
}
export interface Outcomes extends ViewAnswer {
  officeNumber: string;
  totals: OutcomeFigures[];
  cohorts: (OutcomeFigures & { month: string })[];
  byMeasure: (OutcomeFigures & { measureCode: string })[];
}

export interface FollowUpGap {
  caseId: string;
  /** null once the client is erased (docs/privacy.md); the case still counts. */
  clientRef: string | null;
  subjectId: string | null;
  measureCode: string;
  providerOrgNumber: string | null;
  /** null: no follow-up since enrolment. */
  lastFollowUpAt: string | null;
  daysWithout: number;
}
export interface FollowUpGaps extends ViewAnswer {
  officeNumber: string;
  days: number;
  count: number;
  cases: FollowUpGap[];
}

export interface EmployerRow {
  orgNumber: string;
  name: string | null;
  naceSection: string | null;
  contacts: number;
  lastContactAt: string | null;
  placements: number;
  openNeeds: number;
  placedButNotContacted90d: boolean;
}
export interface Employers extends ViewAnswer {
  officeNumber: string;
  employers: EmployerRow[];
  next: string | null;
}

export interface OfficeRow {
  officeNumber: string;
  employerContacts: number;
  uniqueEmployers: number;
  contactsPerAdvisor: number;
  enrolled: number;
  placed: number;
  placementRate: number;
  followUpGaps: number;
}
export interface Offices extends ViewAnswer {
  offices: OfficeRow[];
}

export interface ProviderRow {
  providerOrgNumber: string;
  enrolled: number;
  placed: number;
  placementRate: number;
  offices: string[];
}
export interface Providers extends ViewAnswer {
  providers: ProviderRow[];
}

export interface HistoryEvent {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
}
export interface History {
  officeNumber: string;
  events: HistoryEvent[];
  next: number | null;
}
