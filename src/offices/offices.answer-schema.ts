import { z } from 'zod';
import { named } from '../shared/open-api/api-schemas.js';
import { count, officeNumber, rate, viewAnswerMarks } from '../shared/views/view-answer.schema.js';

export const officeFiguresSchema = named(
  'OfficeFigures',
  z.object({
    officeNumber: officeNumber(),
    employerContacts: count(),
    uniqueEmployers: count(),
    contactsPerAdvisor: rate(),
    enrolled: count(),
    placed: count(),
    transferredIn: count(),
    transferredOut: count(),
    placementRate: rate(),
    followUpGaps: count(),
    contactsFromOtherOffices: count(),
    inquiriesReceived: count(),
    inquiriesAnsweredWithinDeadline: count(),
    inquiriesAnsweredLate: count(),
    inquiriesOverdue: count(),
    medianHoursToFirstContact: z.number().nullable(),
  }),
);

export const officesAnswerSchema = named(
  'Offices',
  z.object({ ...viewAnswerMarks, offices: z.array(officeFiguresSchema) }),
  'offices side by side',
);
