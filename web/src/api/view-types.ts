import type { components } from './openapi.js'; // the generated openapi.d.ts (.js: the root tsconfig reads this file too)

/**
 * The API's answers as the pages name them: each one the generated type of a schema of
 * docs/openapi.json (never a shape written here), so a change of an answer fails to compile.
 */
type Schemas = components['schemas'];

/** What every view answer carries: its position, and on a replay the moment and position shown. */
export type ViewAnswer = Pick<Schemas['Engagement'], 'position' | 'asOf' | 'asOfPosition'>;
export type Engagement = Schemas['Engagement'];
export type EngagementMonth = Schemas['EngagementMonth'];
export type Outcomes = Schemas['Outcomes'];
export type OutcomeFigures = Schemas['OutcomeFigures'];
export type FollowUpGaps = Schemas['FollowUpGaps'];
export type FollowUpGap = Schemas['FollowUpGap'];
export type Employers = Schemas['Employers'];
export type EmployerRow = Schemas['EmployerRelationship'];
export type Offices = Schemas['Offices'];
export type OfficeRow = Schemas['OfficeFigures'];
export type Providers = Schemas['Providers'];
export type ProviderRow = Schemas['ProviderOutcome'];
export type History = Schemas['OfficeHistory'];
export type HistoryEvent = Schemas['HistoryEvent'];
