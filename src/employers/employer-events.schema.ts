import { z } from 'zod';
import { named } from '../shared/open-api/api-schemas.js';
import { CHANNELS, INQUIRY_CLOSING_REASONS, INQUIRY_SOURCES, NEED_RESULTS, SERVICES, THEMES } from '../shared/values/codes.js';
import { CORRECTION_REASONS } from '../shared/values/correction.js';
import { instant, officeNumber, orgNumber } from '../shared/views/view-answer.schema.js';

const step = { occurredAt: instant(), navIdent: z.string() };
const correction = { text: z.string().optional(), correctedAt: instant(), navIdent: z.string() };

/*
 * Loose objects: an event type may gain an optional field without a new schema version, so a reader
 * of history keeps what it knows and passes over the rest.
 */
/** The `data` of each employer, inquiry and recruitment-need event type, in its current schema version. */
export const EMPLOYER_EVENT_DATA = {
  EmployerContacted: named(
    'EmployerContactedData',
    z.looseObject({
      contactId: z.uuid(),
      orgNumber: orgNumber(),
      employerName: z.string().optional(),
      naceCode: z.string().optional(),
      naceSection: z.string().optional(),
      channel: z.enum(CHANNELS),
      theme: z.enum(THEMES),
      service: z.enum(SERVICES).nullable().describe('null on contacts recorded before services were asked for'),
      durationMinutes: z.int().min(1).max(1440).optional(),
      note: z.string().optional().describe('`[redacted]` once the note was discarded'),
      noteRedacted: z.literal(true).optional().describe('the note was discarded (EmployerContactNoteRedacted)'),
      inquiryId: z.uuid().optional(),
      employerOfficeNumber: officeNumber().optional(),
      ...step,
    }),
  ),
  EmployerContactedByOtherOffice: named(
    'EmployerContactedByOtherOfficeData',
    z.looseObject({
      contactId: z.uuid(),
      orgNumber: orgNumber(),
      byOfficeNumber: officeNumber(),
      theme: z.enum(THEMES),
      service: z.enum(SERVICES).nullable(),
      ...step,
    }),
  ),
  EmployerHomeOfficeSet: named(
    'EmployerHomeOfficeSetData',
    z.looseObject({ orgNumber: orgNumber(), officeNumber: officeNumber(), how: z.enum(['FIRST_CONTACT', 'REGISTERED']), ...step }),
  ),
  EmployerContactCorrected: named(
    'EmployerContactCorrectedData',
    z.looseObject({
      contactId: z.uuid(),
      orgNumber: orgNumber(),
      reason: z.enum(CORRECTION_REASONS),
      ...correction,
      corrected: z.looseObject({
        occurredAt: instant(),
        navIdent: z.string(),
        channel: z.enum(CHANNELS),
        theme: z.enum(THEMES),
        naceSection: z.string().optional(),
        service: z.enum(SERVICES).optional(),
      }),
      remaining: z.looseObject({
        lastContactAt: instant().optional(),
        employerName: z.string().optional(),
        naceSection: z.string().optional(),
      }),
    }),
  ),
  EmployerContactByOtherOfficeCorrected: named(
    'EmployerContactByOtherOfficeCorrectedData',
    z.looseObject({
      contactId: z.uuid(),
      orgNumber: orgNumber(),
      byOfficeNumber: officeNumber(),
      occurredAt: instant().describe("the corrected contact's: the month it counted in"),
      reason: z.enum(CORRECTION_REASONS),
      ...correction,
    }),
  ),
  EmployerContactNoteRedacted: named(
    'EmployerContactNoteRedactedData',
    z.looseObject({ contactId: z.uuid(), orgNumber: orgNumber(), reason: z.literal('NOTE_REDACTED'), ...correction }),
  ),
  InquiryRegistered: named(
    'InquiryRegisteredData',
    z.looseObject({
      inquiryId: z.uuid(),
      orgNumber: orgNumber(),
      source: z.enum(INQUIRY_SOURCES),
      theme: z.enum(THEMES),
      receivedAt: instant(),
      dueAt: instant(),
      navIdent: z.string(),
    }),
  ),
  InquiryTaken: named('InquiryTakenData', z.looseObject({ inquiryId: z.uuid(), receivedAt: instant(), ...step })),
  InquiryAnswered: named(
    'InquiryAnsweredData',
    z.looseObject({ inquiryId: z.uuid(), receivedAt: instant(), contactId: z.uuid(), ...step }),
  ),
  InquiryClosed: named(
    'InquiryClosedData',
    z.looseObject({
      inquiryId: z.uuid(),
      receivedAt: instant(),
      reason: z.enum(INQUIRY_CLOSING_REASONS),
      note: z.string().optional(),
      ...step,
    }),
  ),
  InquiryAnswerCorrected: named(
    'InquiryAnswerCorrectedData',
    z.looseObject({
      inquiryId: z.uuid(),
      receivedAt: instant(),
      contactId: z.uuid().describe('the contact registered in error, which no longer answers the inquiry'),
      reason: z.enum(CORRECTION_REASONS),
      ...correction,
      remaining: z.looseObject({ firstContactAt: instant().optional() }),
      reopened: z
        .looseObject({
          orgNumber: orgNumber(),
          source: z.enum(INQUIRY_SOURCES),
          theme: z.enum(THEMES),
          dueAt: instant(),
          responsible: z.string().nullable(),
        })
        .optional()
        .describe('set when no contact and no closing answers the inquiry any more: it is open again'),
    }),
  ),
  RecruitmentNeedRegistered: named(
    'RecruitmentNeedRegisteredData',
    z.looseObject({ needId: z.uuid(), orgNumber: orgNumber(), positions: z.int().min(1), occupation: z.string(), ...step }),
  ),
  RecruitmentNeedClosed: named(
    'RecruitmentNeedClosedData',
    z.looseObject({ needId: z.uuid(), orgNumber: orgNumber(), result: z.enum(NEED_RESULTS), positions: z.int().min(1), ...step }),
  ),
  RecruitmentNeedCorrected: named(
    'RecruitmentNeedCorrectedData',
    z.looseObject({
      needId: z.uuid(),
      orgNumber: orgNumber(),
      reason: z.enum(CORRECTION_REASONS),
      ...correction,
      registered: z.looseObject({ occurredAt: instant(), positions: z.int().min(1) }),
      closed: z.looseObject({ occurredAt: instant(), result: z.enum(NEED_RESULTS) }).optional(),
    }),
  ),
};
