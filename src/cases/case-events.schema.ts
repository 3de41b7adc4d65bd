import { z } from 'zod';
import { named } from '../shared/open-api/api-schemas.js';
import { EMPLOYMENT_TYPES, EXIT_REASONS, FOLLOW_UP_KINDS, FOLLOW_UP_MODES, MEASURE_CODES, NEED_GROUPS } from '../shared/values/codes.js';
import { CORRECTION_REASONS } from '../shared/values/correction.js';
import { instant, officeNumber, orgNumber } from '../shared/views/view-answer.schema.js';
import { CASE_STEPS } from './case-correction.js';

/**
 * Who the case is about, as history shows it: the random subject id, with the client's pseudonym
 * beside it while the link exists; once the client is erased `subjectErased` (and a legacy subject
 * id, the pseudonym itself, is null).
 */
const client = {
  subjectId: z.string().nullable(),
  clientRef: z.string().optional().describe("the client's pseudonym, while the client is not erased"),
  subjectErased: z.literal(true).optional().describe('the client was erased: the events stay and lead to nobody'),
};

const caseProfile = {
  caseId: z.uuid(),
  ...client,
  needGroup: z.enum(NEED_GROUPS),
  followUpMode: z.enum(FOLLOW_UP_MODES),
  measureCode: z.enum(MEASURE_CODES),
  providerOrgNumber: orgNumber().optional(),
  startedAt: instant(),
};
const step = { occurredAt: instant(), navIdent: z.string() };

/*
 * Loose objects: an event type may gain an optional field without a new schema version, so a reader
 * of history keeps what it knows and passes over the rest.
 */
/** The `data` of each case event type, in its current schema version (older events are upcast on read). */
export const CASE_EVENT_DATA = {
  ClientEnrolled: named('ClientEnrolledData', z.looseObject({ ...caseProfile, ...step })),
  ClientFollowUpRecorded: named('ClientFollowUpRecordedData', z.looseObject({ caseId: z.uuid(), kind: z.enum(FOLLOW_UP_KINDS), ...step })),
  ClientPlaced: named(
    'ClientPlacedData',
    z.looseObject({
      ...caseProfile,
      orgNumber: orgNumber(),
      startDate: z.iso.date(),
      employmentPercent: z.int().min(1).max(100),
      employmentType: z.enum(EMPLOYMENT_TYPES),
      wageSubsidy: z.boolean().optional(),
      ...step,
    }),
  ),
  ClientExited: named('ClientExitedData', z.looseObject({ ...caseProfile, reason: z.enum(EXIT_REASONS), ...step })),
  ClientTransferredOut: named(
    'ClientTransferredOutData',
    z.looseObject({ ...caseProfile, enrolledAt: instant().optional(), toOfficeNumber: officeNumber(), newCaseId: z.uuid(), ...step }),
  ),
  ClientTransferredIn: named(
    'ClientTransferredInData',
    z.looseObject({ ...caseProfile, fromOfficeNumber: officeNumber(), fromCaseId: z.uuid(), enrolledAt: instant(), ...step }),
  ),
  CaseStepCorrected: named(
    'CaseStepCorrectedData',
    z.looseObject({
      ...caseProfile,
      reason: z.enum(CORRECTION_REASONS),
      text: z.string().optional(),
      correctedAt: instant(),
      navIdent: z.string(),
      revision: z.int().min(0).describe('the stream revision of the step registered in error'),
      step: z.enum(CASE_STEPS),
      undone: z.array(
        z.looseObject({
          type: z.enum(['ClientEnrolled', 'ClientFollowUpRecorded', 'ClientPlaced', 'ClientExited']),
          occurredAt: instant(),
          orgNumber: orgNumber().optional(),
        }),
      ),
      status: z.enum(['active', 'placed', 'exited', 'transferred', 'corrected']).describe('the case afterwards'),
      lastFollowUpAt: instant().optional(),
      enrolledAt: instant(),
    }),
  ),
};
