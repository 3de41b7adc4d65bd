/** The domain's fixed vocabularies (see docs/domain.md), as the API spells them. */
export const CHANNELS = ['PHONE', 'EMAIL', 'SMS', 'MEETING', 'VISIT', 'VIDEO'] as const;
export type Channel = (typeof CHANNELS)[number];

/** NAV's CRM activity types for employer work. */
export const THEMES = [
  'RECRUITMENT',
  'INCLUSION',
  'SICK_LEAVE_PREVENTION',
  'ADAPTATION',
  'DOWNSIZING',
  'GENERAL_OUTREACH',
  'SURVEY',
] as const;
export type Theme = (typeof THEMES)[number];

export const NEED_GROUPS = ['STANDARD', 'SITUATIONAL', 'SPECIAL', 'PERMANENT'] as const;
export type NeedGroup = (typeof NEED_GROUPS)[number];

export const FOLLOW_UP_MODES = ['IN_HOUSE', 'EXTERNAL'] as const;
export type FollowUpMode = (typeof FOLLOW_UP_MODES)[number];

/** Arena measure codes, by who usually follows the client up. */
export const MEASURES = {
  // provider-run: EXTERNAL follow-up by default
  AVKLARAG: 'EXTERNAL',
  INDOPPFAG: 'EXTERNAL',
  ARBFORB: 'EXTERNAL',
  ARBRRHDAG: 'EXTERNAL',
  DIGIOPPARB: 'EXTERNAL',
  JOBBK: 'EXTERNAL',
  GRUPPEAMO: 'EXTERNAL',
  ENKELAMO: 'EXTERNAL',
  // employer-side
  ARBTREN: 'IN_HOUSE',
  MIDLONTIL: 'IN_HOUSE',
  VARLONTIL: 'IN_HOUSE',
  MENTOR: 'IN_HOUSE',
  INKLUTILS: 'IN_HOUSE',
  // NAV in-house (IPS and friends)
  INDJOBSTOT: 'IN_HOUSE',
  IPSUNG: 'IN_HOUSE',
  UTVAOONAV: 'IN_HOUSE',
} as const satisfies Record<string, FollowUpMode>;
export type MeasureCode = keyof typeof MEASURES;
export const MEASURE_CODES = Object.keys(MEASURES) as [MeasureCode, ...MeasureCode[]];

/**
 * Who usually follows a client up in this measure. Only a default: taking provider-run follow-up
 * in-house is the very thing the pilots tried, so the case's `followUpMode` is what counts.
 */
export const defaultFollowUpMode = (measureCode: MeasureCode): FollowUpMode => MEASURES[measureCode];

export const EXIT_REASONS = ['NO_JOB', 'HEALTH', 'MOVED', 'EDUCATION', 'DID_NOT_SHOW', 'OTHER'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const FOLLOW_UP_KINDS = ['CLIENT_MEETING', 'CLIENT_CALL', 'PROVIDER_CONTACT', 'PROVIDER_REPORT'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const EMPLOYMENT_TYPES = ['PERMANENT', 'TEMPORARY'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const NEED_RESULTS = ['FILLED', 'CANCELLED'] as const;
export type NeedResult = (typeof NEED_RESULTS)[number];
