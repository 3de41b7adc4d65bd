import { OFFICE_NUMBER_PATTERN } from '../values/office-number.js';

const ENTITY_ID = (what: string) => ({
  description: `the ${what}'s id, a UUID this service made; anything else names nothing (404)`,
  schema: { type: 'string', format: 'uuid' },
});

/** Every path parameter of the API, by name: the same name means the same thing on every route. */
export const PATH_PARAMETERS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  officeNumber: {
    description: "the NAV office's enhetsnummer, four digits (400 otherwise)",
    schema: { type: 'string', pattern: OFFICE_NUMBER_PATTERN.source, examples: ['0314'] },
  },
  caseId: ENTITY_ID('case'),
  needId: ENTITY_ID('recruitment need'),
  inquiryId: ENTITY_ID('inquiry'),
  contactId: ENTITY_ID('employer contact (the id its command answered)'),
  orgNumber: {
    description: "the employer's organisation number, 9 digits (400 otherwise)",
    schema: { type: 'string', pattern: '^\\d{9}$' },
  },
  name: { description: 'the name of a view (GET /admin/projections lists them; 404 otherwise)', schema: { type: 'string' } },
};
