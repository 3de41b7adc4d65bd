/**
 * Every code list's display name in Norwegian Bokmål, in one place. The API speaks codes
 * (`src/shared/values/codes.ts`); the pages show these names, and fall back to the code itself
 * for a code this list does not know yet.
 */
export const CHANNEL = {
  PHONE: 'Telefon',
  EMAIL: 'E-post',
  SMS: 'SMS',
  MEETING: 'Møte',
  VISIT: 'Besøk',
  VIDEO: 'Video',
} as const;

export const THEME = {
  RECRUITMENT: 'Rekruttering',
  INCLUSION: 'Inkludering',
  SICK_LEAVE_PREVENTION: 'Forebygging av sykefravær',
  ADAPTATION: 'Tilrettelegging',
  DOWNSIZING: 'Nedbemanning',
  GENERAL_OUTREACH: 'Generell kontakt',
  SURVEY: 'Kartlegging',
} as const;

export const FOLLOW_UP_MODE = { IN_HOUSE: 'I egen regi', EXTERNAL: 'Hos tiltaksarrangør' } as const;

export const MEASURE = {
  AVKLARAG: 'Avklaring',
  INDOPPFAG: 'Oppfølging',
  ARBFORB: 'Arbeidsforberedende trening',
  ARBRRHDAG: 'Arbeidsrettet rehabilitering',
  DIGIOPPARB: 'Digitalt jobbsøkerkurs',
  JOBBK: 'Jobbklubb',
  GRUPPEAMO: 'AMO-kurs (gruppe)',
  ENKELAMO: 'AMO-kurs (enkeltplass)',
  ARBTREN: 'Arbeidstrening',
  MIDLONTIL: 'Midlertidig lønnstilskudd',
  VARLONTIL: 'Varig lønnstilskudd',
  MENTOR: 'Mentor',
  INKLUTILS: 'Inkluderingstilskudd',
  INDJOBSTOT: 'Individuell jobbstøtte (IPS)',
  IPSUNG: 'IPS ung',
  UTVAOONAV: 'Utvidet oppfølging i NAV',
} as const;

export const EVENT_TYPE = {
  EmployerContacted: 'Arbeidsgiverkontakt',
  RecruitmentNeedRegistered: 'Rekrutteringsbehov registrert',
  RecruitmentNeedClosed: 'Rekrutteringsbehov avsluttet',
  ClientEnrolled: 'Deltaker tatt inn på tiltak',
  ClientFollowUpRecorded: 'Oppfølging registrert',
  ClientPlaced: 'Deltaker formidlet til jobb',
  ClientExited: 'Deltaker avsluttet',
  ClientTransferredOut: 'Sak overført ut',
  ClientTransferredIn: 'Sak overført inn',
} as const;

export const ROLE = { advisor: 'Veileder', manager: 'Leder', auditor: 'Revisor', admin: 'Administrator' } as const;

export const EMPLOYER_SORT = {
  lastContact: 'Siste kontakt',
  contacts: 'Antall kontakter',
  placements: 'Formidlinger',
} as const;

/** The display name of `code` in `list`, or the code itself when the list does not know it. */
export const label = (list: Readonly<Record<string, string>>, code: string): string => list[code] ?? code;
