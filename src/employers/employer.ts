import type { DomainEvent } from '@app/event-store';
import type { Channel, Service, Theme } from '../shared/values/codes.js';
import { latest } from '../shared/values/time.js';
import type { EmployerContactCorrected, EmployerContactNoteRedacted } from './employer-correction.js';
import type { EmployerContactByOtherOfficeCorrected, EmployerContactedByOtherOffice } from './employer-home.js';

/**
 * Stream `office-<officeNumber>.employer-<orgNumber>`: one office's contacts with one employer.
 * Recruitment needs live in streams of their own (see recruitment-need.ts).
 */
export const EMPLOYER_STREAM_KIND = 'employer';

export type EmployerContacted = DomainEvent<
  'EmployerContacted',
  {
    contactId: string;
    orgNumber: string;
    employerName?: string;
    naceCode?: string;
    /** NACE section letter A–U, derived from naceCode at the time of contact. */
    naceSection?: string;
    channel: Channel;
    theme: Theme;
    /** The service within the theme; null on contacts recorded before services were asked for (v3). */
    service: Service | null;
    occurredAt: string;
    durationMinutes?: number;
    note?: string;
    /** The advisor who made the contact. */
    navIdent: string;
    /** The inquiry this contact answers, when the advisor names one. */
    inquiryId?: string;
    /** The employer's home office when it is not the advisor's (the stream's) office. */
    employerOfficeNumber?: string;
  }
>;

export type EmployerEvent =
  | EmployerContacted
  | EmployerContactedByOtherOffice
  | EmployerContactByOtherOfficeCorrected
  | EmployerContactCorrected
  | EmployerContactNoteRedacted;

export interface EmployerAccount {
  contacts: number;
  employerName?: string;
  lastContactAt?: string;
}

export const initialEmployerAccount = (): EmployerAccount => ({ contacts: 0 });

export function evolveEmployerAccount(state: EmployerAccount, event: EmployerEvent): EmployerAccount {
  switch (event.type) {
    case 'EmployerContacted':
      return {
        contacts: state.contacts + 1,
        employerName: event.data.employerName ?? state.employerName,
        // Late registrations arrive out of order: the latest instant wins, not the latest event.
        lastContactAt: latest(event.data.occurredAt, state.lastContactAt),
      };
    case 'EmployerContactedByOtherOffice':
    case 'EmployerContactByOtherOfficeCorrected':
      return state; // another office's contact: counted there, only told here
    case 'EmployerContactCorrected': {
      const { lastContactAt, employerName } = event.data.remaining;
      return { contacts: state.contacts - 1, employerName, lastContactAt };
    }
    case 'EmployerContactNoteRedacted':
      return state;
    default: {
      const never: never = event;
      return never;
    }
  }
}
