import type { Upcaster } from '@app/event-store';
import type { EmployerContacted } from './employer.js';

type ContactV1 = Omit<ContactV2, 'theme'> & { theme?: EmployerContacted['data']['theme'] };
type ContactV2 = Omit<EmployerContacted['data'], 'service'>;

/**
 * EmployerContacted v1 → v2: v1 contacts were recorded before the theme was asked for, and NAV
 * counts a contact without a stated purpose as general outreach. A v1 event that does carry a
 * theme (the app wrote them with one before the version was bumped) keeps it.
 */
export const employerContactedV1ToV2: Upcaster = {
  type: 'EmployerContacted',
  fromVersion: 1,
  upcast: (data): ContactV2 => {
    const v1 = data as ContactV1;
    return { ...v1, theme: v1.theme ?? 'GENERAL_OUTREACH' };
  },
};

/** EmployerContacted v2 → v3: contacts recorded before the service was asked for have none (`null`, not a guess). */
export const employerContactedV2ToV3: Upcaster = {
  type: 'EmployerContacted',
  fromVersion: 2,
  upcast: (data): EmployerContacted['data'] => {
    const v2 = data as ContactV2 & { service?: EmployerContacted['data']['service'] };
    return { ...v2, service: v2.service ?? null };
  },
};
