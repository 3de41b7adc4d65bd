import type { DomainEvent } from '@app/event-store';
import type { Channel, NeedResult, Service, Theme } from '../shared/values/codes.js';
import type { CorrectionFacts, CorrectionReason } from '../shared/values/correction.js';

/**
 * A contact was registered in error. Carries what views counted for it (`corrected`) and what the
 * office's remaining contacts with this employer add up to (`remaining`), so views count as if it
 * had never been recorded without keeping every contact.
 */
export type EmployerContactCorrected = DomainEvent<
  'EmployerContactCorrected',
  CorrectionFacts & {
    contactId: string;
    orgNumber: string;
    reason: CorrectionReason;
    /**
     * `service` only when the contact had one (v3 contacts), so `byService` can take it back;
     * `employerOfficeNumber` and `inquiryId` when it had them: the home office told of the contact
     * and the inquiry it answered, which the same append tells of the correction.
     */
    corrected: {
      occurredAt: string;
      navIdent: string;
      channel: Channel;
      theme: Theme;
      naceSection?: string;
      service?: Service;
      employerOfficeNumber?: string;
      inquiryId?: string;
    };
    remaining: { lastContactAt?: string; employerName?: string; naceSection?: string };
  }
>;

/** The contact's note is discarded (kassert): shown nowhere from now on, history included. */
export type EmployerContactNoteRedacted = DomainEvent<
  'EmployerContactNoteRedacted',
  CorrectionFacts & { contactId: string; orgNumber: string; reason: 'NOTE_REDACTED' }
>;

/** The need was registered in error: it goes from every view, with its closing if it had one. */
export type RecruitmentNeedCorrected = DomainEvent<
  'RecruitmentNeedCorrected',
  CorrectionFacts & {
    needId: string;
    orgNumber: string;
    reason: CorrectionReason;
    registered: { occurredAt: string; positions: number };
    closed?: { occurredAt: string; result: NeedResult };
  }
>;
