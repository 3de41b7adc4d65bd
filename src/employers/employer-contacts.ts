import type { StreamModel } from '../shared/commands/decide-on-stream.js';
import type { Channel, Service, Theme } from '../shared/values/codes.js';
import { evolveEmployerAccount, initialEmployerAccount, type EmployerAccount, type EmployerEvent } from './employer.js';

/** A contact as a correction needs it. */
export interface ContactEntry {
  contactId: string;
  occurredAt: string;
  navIdent: string;
  channel: Channel;
  theme: Theme;
  employerName?: string;
  naceSection?: string;
  /** Null or absent on contacts recorded before services (v2 and older). */
  service?: Service | null;
  /** The home office told of the contact, when it was another office: told of its correction too. */
  employerOfficeNumber?: string;
  /** The inquiry the contact answered: answered by it no more once it is corrected. */
  inquiryId?: string;
  hasNote: boolean;
  corrected: boolean;
  redacted: boolean;
}

/** The account with its contacts, in the order recorded: what deciding a correction needs. */
export interface EmployerContacts {
  account: EmployerAccount;
  contacts: ContactEntry[];
}

function evolveContacts(contacts: ContactEntry[], event: EmployerEvent): ContactEntry[] {
  switch (event.type) {
    case 'EmployerContacted': {
      const { contactId, occurredAt, navIdent, channel, theme, service, employerName, naceSection, note, employerOfficeNumber, inquiryId } =
        event.data;
      return [
        ...contacts,
        {
          contactId,
          occurredAt,
          navIdent,
          channel,
          theme,
          employerName,
          naceSection,
          service,
          employerOfficeNumber,
          inquiryId,
          hasNote: note !== undefined,
          corrected: false,
          redacted: false,
        },
      ];
    }
    case 'EmployerContactedByOtherOffice':
    case 'EmployerContactByOtherOfficeCorrected':
      return contacts; // another office's contact: corrected there
    case 'EmployerContactCorrected':
      return contacts.map((c) => (c.contactId === event.data.contactId ? { ...c, corrected: true } : c));
    case 'EmployerContactNoteRedacted':
      return contacts.map((c) => (c.contactId === event.data.contactId ? { ...c, redacted: true } : c));
    default: {
      const never: never = event;
      return never;
    }
  }
}

export const employerContactsModel: StreamModel<EmployerContacts, EmployerEvent> = {
  initialState: () => ({ account: initialEmployerAccount(), contacts: [] }),
  evolve: (state, event) => ({ account: evolveEmployerAccount(state.account, event), contacts: evolveContacts(state.contacts, event) }),
};
