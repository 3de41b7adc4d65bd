import type { DomainEvent } from '@app/event-store';
import type { Service, Theme } from '../shared/values/codes.js';
import type { CorrectionFacts } from '../shared/values/correction.js';

/**
 * Stream `employer-home-<orgNumber>`, outside every office: which office an employer belongs to
 * (its home office). Set by the first office that contacts the employer, or registered by an
 * advisor of the office that takes the employer on. A contact by an advisor of another office
 * then names the home office, and is told to it (`EmployerContactedByOtherOffice`).
 */
export const employerHomeStream = (orgNumber: string): string => `employer-home-${orgNumber}`;

export type EmployerHomeOfficeSet = DomainEvent<
  'EmployerHomeOfficeSet',
  { orgNumber: string; officeNumber: string; how: 'FIRST_CONTACT' | 'REGISTERED'; occurredAt: string; navIdent: string }
>;

/**
 * In the home office's employer stream (`office-<home>.employer-<orgNumber>`): an advisor of another
 * office contacted one of this office's employers. Kept in the home office's own log so that its
 * views, live and replayed as of a moment, count it.
 */
export type EmployerContactedByOtherOffice = DomainEvent<
  'EmployerContactedByOtherOffice',
  {
    contactId: string;
    orgNumber: string;
    byOfficeNumber: string;
    theme: Theme;
    service: Service | null;
    occurredAt: string;
    navIdent: string;
  }
>;

/**
 * In the same home office's employer stream: the contact told to it (`EmployerContactedByOtherOffice`)
 * was registered in error at `byOfficeNumber`, so it stops counting here too. `occurredAt` is the
 * contact's (the month it counted in).
 */
export type EmployerContactByOtherOfficeCorrected = DomainEvent<
  'EmployerContactByOtherOfficeCorrected',
  CorrectionFacts & { contactId: string; orgNumber: string; byOfficeNumber: string; occurredAt: string }
>;

export interface EmployerHome {
  officeNumber?: string;
}

export const initialEmployerHome = (): EmployerHome => ({});

export const evolveEmployerHome = (_state: EmployerHome, event: EmployerHomeOfficeSet): EmployerHome => ({
  officeNumber: event.data.officeNumber,
});

/** The home office a contact from `officeNumber` finds: the employer's, or this one when it has none yet. */
export function homeOfficeFor(
  home: EmployerHome,
  officeNumber: string,
  orgNumber: string,
  at: { occurredAt: string; navIdent: string },
): { homeOffice: string; events: EmployerHomeOfficeSet[] } {
  if (home.officeNumber !== undefined) return { homeOffice: home.officeNumber, events: [] };
  return {
    homeOffice: officeNumber,
    events: [{ type: 'EmployerHomeOfficeSet', data: { orgNumber, officeNumber, how: 'FIRST_CONTACT', ...at } }],
  };
}

/** An advisor of `officeNumber` makes it the employer's home office; nothing happens when it is already. */
export function registerHomeOffice(
  command: { orgNumber: string; officeNumber: string; navIdent: string; now: string },
  home: EmployerHome,
): EmployerHomeOfficeSet[] {
  if (home.officeNumber === command.officeNumber) return [];
  const { orgNumber, officeNumber, navIdent, now } = command;
  return [{ type: 'EmployerHomeOfficeSet', data: { orgNumber, officeNumber, how: 'REGISTERED', occurredAt: now, navIdent } }];
}
