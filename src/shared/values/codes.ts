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

/** Where an employer's inquiry (henvendelse) came from. */
export const INQUIRY_SOURCES = ['CONTACT_FORM', 'CONTACT_CENTRE', 'ARBEIDSPLASSEN', 'OTHER'] as const;
export type InquirySource = (typeof INQUIRY_SOURCES)[number];

/** Why an inquiry was closed; OTHER needs a text. */
export const INQUIRY_CLOSING_REASONS = [
  'CONTACTED_MEETING_AGREED',
  'CONTACTED_NO_NEED',
  'NO_CONTACT_TRIED_SEVERAL_TIMES',
  'REFERRED',
  'REGISTERED_IN_ERROR',
  'OTHER',
] as const;
export type InquiryClosingReason = (typeof INQUIRY_CLOSING_REASONS)[number];

/**
 * The service of a contact, within its theme (NAV's CRM codes a contact theme first, then a
 * service that depends on it). Norwegian display names in docs/domain.md.
 */
export const SERVICES_BY_THEME = {
  RECRUITMENT: ['RECRUITMENT_ASSIGNMENT', 'INCLUSIVE_RECRUITMENT', 'JOB_FAIR', 'IPS_JOB_DEVELOPMENT'],
  INCLUSION: ['WORK_TRIAL', 'WAGE_SUBSIDY', 'MENTOR', 'INCLUSION_GRANT'],
  SICK_LEAVE_PREVENTION: ['SICK_LEAVE_FOLLOW_UP', 'DIALOGUE_MEETING', 'PREVENTION_ADVICE'],
  ADAPTATION: ['WORKPLACE_ADAPTATION', 'ASSISTIVE_TECHNOLOGY'],
  DOWNSIZING: ['TEMPORARY_LAYOFF', 'REDUNDANCY', 'BANKRUPTCY'],
  GENERAL_OUTREACH: ['COMPANY_VISIT', 'NAV_SERVICES_INFORMATION', 'NETWORK_MEETING'],
  SURVEY: ['EMPLOYER_SURVEY', 'SKILLS_MAPPING'],
} as const satisfies Record<Theme, readonly string[]>;
export type Service = (typeof SERVICES_BY_THEME)[Theme][number];
export const SERVICES = Object.values(SERVICES_BY_THEME).flat() as [Service, ...Service[]];

export const serviceBelongsToTheme = (service: Service, theme: Theme): boolean =>
  (SERVICES_BY_THEME[theme] as readonly string[]).includes(service);
