import fc from 'fast-check';
import type { DomainEvent } from '@app/event-store';
import { foldInMemory, selectDocs } from '@app/projections';
import { recordedAt } from '../../test/views/recorded.js';
import { contacted, needRegistered } from '../../test/views/view-events.examples.js';
import { engagementView } from '../employers/employers.views.js';
import { type EmployerContactCorrected } from '../employers/employer-correction.js';
import type { EmployerContactByOtherOfficeCorrected, EmployerContactedByOtherOffice } from '../employers/employer-home.js';
import { comparedKey, monthKey, type ComparedMonth, type EngagementMonth } from '../employers/engagement/engagement.rows.js';
import { monthsBetween, ratio } from '../shared/views/months.js';
import { compareOffices } from './office-comparison.js';

/**
 * The compared months are a second form of what the month rows hold. Whatever contacts, contacts by
 * other offices and corrections of either come in, the offices compared from them must equal what the
 * month rows' keys (the computation before the compared months) give, over any period.
 */
const OFFICES = ['0314', '5001'];
const ORGS = ['974760673', '889640782', '912345678', '998877665'];
const ADVISORS = ['Z111111', 'Z222222', 'Z333333'];
const MONTHS = monthsBetween('2026-01', '2026-04');

type Step =
  | { kind: 'contact'; office: number; org: number; advisor: number; month: number; day: number }
  | { kind: 'byOther'; office: number; month: number; day: number }
  | { kind: 'need'; office: number; month: number; day: number }
  | { kind: 'correct'; which: number };

const day = fc.integer({ min: 1, max: 28 });
const month = fc.integer({ min: 0, max: MONTHS.length - 1 });
const office = fc.integer({ min: 0, max: OFFICES.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('contact' as const), office, org: fc.nat(ORGS.length - 1), advisor: fc.nat(2), month, day }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('byOther' as const), office, month, day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('need' as const), office, month, day }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('correct' as const), which: fc.nat(40) }) },
);
const period = fc
  .tuple(fc.nat(MONTHS.length - 1), fc.nat(MONTHS.length - 1))
  .map(([a, b]) => ({ from: MONTHS[Math.min(a, b)]!, to: MONTHS[Math.max(a, b)]! }));

/** The steps as recorded events; a correction takes back the `which`-th contact still counted, if any. */
function history(steps: Step[]) {
  const counted: { office: string; event: DomainEvent }[] = [];
  const events = steps.flatMap((s, i) => {
    const at = (m: number, d: number) => `${MONTHS[m]}-${String(d).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`;
    if (s.kind === 'correct') {
      if (counted.length === 0) return [];
      const [taken] = counted.splice(s.which % counted.length, 1);
      return recordedAt(i + 1, taken!.office, 'employer', correctionOf(taken!.event));
    }
    const number = OFFICES[s.office]!;
    const occurredAt = at(s.month, s.day);
    const event =
      s.kind === 'contact'
        ? contacted(ORGS[s.org]!, occurredAt, ADVISORS[s.advisor]!)
        : s.kind === 'byOther'
          ? toldOf(`told-${i}`, occurredAt)
          : needRegistered(`need-${i}`, ORGS[0]!, occurredAt);
    if (s.kind !== 'need') counted.push({ office: number, event });
    return recordedAt(i + 1, number, 'employer', event);
  });
  return events;
}

const toldOf = (contactId: string, occurredAt: string): EmployerContactedByOtherOffice => ({
  type: 'EmployerContactedByOtherOffice',
  data: { contactId, orgNumber: ORGS[0]!, byOfficeNumber: '9999', theme: 'RECRUITMENT', service: null, occurredAt, navIdent: 'Z999999' },
});

function correctionOf(event: DomainEvent): EmployerContactCorrected | EmployerContactByOtherOfficeCorrected {
  const facts = { correctedAt: '2026-05-01T00:00:00Z', navIdent: 'Z111111' };
  if (event.type === 'EmployerContactedByOtherOffice') {
    const d = (event as EmployerContactedByOtherOffice).data;
    return {
      type: 'EmployerContactByOtherOfficeCorrected',
      data: {
        ...facts,
        contactId: d.contactId,
        orgNumber: d.orgNumber,
        byOfficeNumber: d.byOfficeNumber,
        occurredAt: d.occurredAt,
        reason: 'WRONG_EMPLOYER',
      },
    };
  }
  const d = (event as ReturnType<typeof contacted>).data;
  return {
    type: 'EmployerContactCorrected',
    data: {
      ...facts,
      contactId: d.contactId,
      orgNumber: d.orgNumber,
      reason: 'DUPLICATE',
      corrected: { occurredAt: d.occurredAt, navIdent: d.navIdent, channel: d.channel, theme: d.theme, naceSection: d.naceSection },
      remaining: {},
    },
  };
}

/** The figures as the comparison computed them before the compared months: from the month rows' keys. */
function fromMonthRows(docs: Map<string, unknown>, { from, to }: { from: string; to: string }) {
  return OFFICES.flatMap((number) => {
    const rows = monthsBetween(from, to)
      .map((m) => docs.get(monthKey(number, m)) as EngagementMonth | undefined)
      .filter((row) => row !== undefined);
    if (rows.length === 0) return [];
    const contacts = rows.reduce((sum, row) => sum + row.employerContacts, 0);
    const advisors = new Set(rows.flatMap((row) => Object.keys(row.advisors)));
    return [
      {
        officeNumber: number,
        employerContacts: contacts,
        uniqueEmployers: new Set(rows.flatMap((row) => Object.keys(row.employers))).size,
        contactsPerAdvisor: ratio(contacts, advisors.size, 2),
        contactsFromOtherOffices: rows.reduce((sum, row) => sum + (row.contactsFromOtherOffices ?? 0), 0),
      },
    ];
  });
}

async function compared(docs: Map<string, unknown>, asked: { from: string; to: string }) {
  const none = new Map<string, unknown>();
  const engagement = selectDocs(docs, engagementView.ranges.everyOfficeMonths(asked.from, asked.to));
  const offices = await compareOffices(
    { engagement, outcomes: none, openCases: none, quietOnCutoffDay: none, inquiries: none },
    asked,
    '2026-05-01T00:00:00Z',
    () => true,
  );
  return offices.map((o) => ({
    officeNumber: o.officeNumber,
    employerContacts: o.employerContacts,
    uniqueEmployers: o.uniqueEmployers,
    contactsPerAdvisor: o.contactsPerAdvisor,
    contactsFromOtherOffices: o.contactsFromOtherOffices,
  }));
}

const members = (list: string) => (list === '' ? [] : list.split(','));

describe('compared months (the offices comparison reads them instead of the month rows)', () => {
  it('give the offices the month rows give, over any period, after any contacts and corrections', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), period, async (steps, asked) => {
        const docs = foldInMemory(engagementView.projection, history(steps));
        expect(await compared(docs, asked)).toEqual(fromMonthRows(docs, asked));
      }),
      { numRuns: 300 },
    );
  });

  it('list each employer and advisor of the month row once, and exist exactly where a month row does', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const docs = foldInMemory(engagementView.projection, history(steps));
        for (const number of OFFICES) {
          for (const m of MONTHS) {
            const row = docs.get(monthKey(number, m)) as EngagementMonth | undefined;
            const form = docs.get(comparedKey(number, m)) as ComparedMonth | undefined;
            expect(form === undefined).toBe(row === undefined);
            if (!row || !form) continue;
            expect(members(form.employers).sort()).toEqual(Object.keys(row.employers).sort());
            expect(members(form.advisors).sort()).toEqual(Object.keys(row.advisors).sort());
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
