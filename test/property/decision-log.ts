import fc from 'fast-check';
import type { DomainEvent } from '@app/event-store';
import { officeStream } from '@app/event-store';
import { evolveCase, initialCaseState, type CaseState } from '../../src/cases/case.js';
import { enrolClient } from '../../src/cases/enrol-client/enrol-client.decide.js';
import { exitClient } from '../../src/cases/exit-client/exit-client.decide.js';
import { placeClient } from '../../src/cases/place-client/place-client.decide.js';
import { recordFollowUp } from '../../src/cases/record-follow-up/record-follow-up.decide.js';
import { receiveTransferredCase, transferCase } from '../../src/cases/transfer-case/transfer-case.decide.js';
import { closeRecruitmentNeed } from '../../src/employers/close-recruitment-need/close-recruitment-need.decide.js';
import { evolveEmployerAccount, initialEmployerAccount } from '../../src/employers/employer.js';
import { recordEmployerContact } from '../../src/employers/record-employer-contact/record-employer-contact.decide.js';
import { evolveRecruitmentNeed, initialRecruitmentNeed } from '../../src/employers/recruitment-need.js';
import { registerRecruitmentNeed } from '../../src/employers/register-recruitment-need/register-recruitment-need.decide.js';
import { schemaVersionOf } from '../../src/shared/commands/schema-versions.js';
import {
  CHANNELS,
  EMPLOYMENT_TYPES,
  EXIT_REASONS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_MODES,
  MEASURE_CODES,
  NEED_GROUPS,
  NEED_RESULTS,
  THEMES,
} from '../../src/shared/values/codes.js';
import { DomainError } from '../../src/shared/errors/domain-error.js';

/**
 * Commands of every kind, with times from anywhere in years 0001–9999 (mostly near `now`, some at the
 * bounds), put through the real deciders as the handlers would: what they accept becomes the log.
 */
export interface Decided {
  stream: string;
  office: string;
  events: DomainEvent[];
}

const OFFICES = ['0314', '5001', '1201'];
const ORGS = ['974760673', '889640782', '812345672', '987654325'];
/** Refused by the deciders: a wrong check digit, a first digit other than 8 or 9, all zeros. */
const BAD_ORGS = ['974760674', '123456785', '000000000'];
const DAY = 86_400_000;
// Not Date.UTC(1, 0, 1): it reads years 0–99 as 1900–1999.
const YEAR_1 = Date.parse('0001-01-01T00:00:00Z');

const instant = (now: number) =>
  fc
    .oneof(
      { weight: 8, arbitrary: fc.integer({ min: Date.UTC(2000, 0, 1), max: now + 5 * 60_000 }) },
      { weight: 1, arbitrary: fc.integer({ min: YEAR_1, max: Date.parse('9999-12-31T23:59:59Z') }) },
      { weight: 1, arbitrary: fc.constantFrom(Date.UTC(2000, 0, 1), Date.UTC(2000, 0, 1) - 1, now + 5 * 60_000, now + 5 * 60_000 + 1) },
    )
    .chain((ms) => fc.constantFrom('Z', '+14:00', '-12:00', '+01:00').map((offset) => withOffset(ms, offset)));

/** The instant written with an offset, as a client may (the year of the local time may differ from UTC's). */
function withOffset(ms: number, offset: string): string {
  if (offset === 'Z') return new Date(ms).toISOString();
  const minutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + minutes * 60_000).toISOString();
  return local.startsWith('+') || local.startsWith('-') ? new Date(ms).toISOString() : `${local.slice(0, 23)}${offset}`;
}

const command = (now: number) =>
  fc.record({
    kind: fc.constantFrom('contact', 'need', 'close', 'enrol', 'followUp', 'place', 'exit', 'transfer'),
    office: fc.constantFrom(...OFFICES),
    toOffice: fc.constantFrom(...OFFICES),
    pick: fc.nat(),
    occurredAt: instant(now),
    startDate: fc
      .oneof(
        instant(now),
        fc.integer({ min: now, max: now + 400 * DAY }).map((ms) => new Date(ms).toISOString()),
      )
      .map((t) => t.slice(0, 10)),
    org: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ORGS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_ORGS) }),
    naceCode: fc.option(fc.constantFrom('41.200', '62.010', '88.991', '01.1', '99', '04.1'), { nil: undefined }),
    channel: fc.constantFrom(...CHANNELS),
    theme: fc.constantFrom(...THEMES),
    needGroup: fc.constantFrom(...NEED_GROUPS),
    mode: fc.constantFrom(...FOLLOW_UP_MODES),
    measure: fc.constantFrom(...MEASURE_CODES),
    followUp: fc.constantFrom(...FOLLOW_UP_KINDS),
    exitReason: fc.constantFrom(...EXIT_REASONS),
    result: fc.constantFrom(...NEED_RESULTS),
    employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
    percent: fc.integer({ min: 0, max: 101 }),
    positions: fc.integer({ min: 1, max: 50 }),
    text: fc.string({ maxLength: 20 }),
  });

export type Command = ReturnType<typeof command> extends fc.Arbitrary<infer C> ? C : never;

export const decisionScenario = fc
  .integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2039, 0, 1) })
  .chain((now) => fc.record({ now: fc.constant(now), commands: fc.array(command(now), { minLength: 10, maxLength: 60, size: 'medium' }) }));

/** Runs the commands through the deciders over the streams' states; refused commands change nothing. */
export function decide(now: number, commands: readonly Command[]): Decided[] {
  const nowIso = new Date(now).toISOString();
  const streams = new Map<string, DomainEvent[]>();
  const cases: { office: string; id: string }[] = [];
  const needs: { office: string; id: string }[] = [];
  const log: Decided[] = [];
  const caseState = (stream: string): CaseState =>
    (streams.get(stream) ?? []).reduce((s, e) => evolveCase(s, e as never), initialCaseState());
  const record = (office: string, stream: string, events: DomainEvent[]) => {
    streams.set(stream, [...(streams.get(stream) ?? []), ...events]);
    log.push({ stream, office, events });
  };
  commands.forEach((c, n) => {
    const navIdent = 'Z123456';
    const base = { occurredAt: c.occurredAt, navIdent, now: nowIso };
    const existing = <T extends { office: string; id: string }>(list: T[]) => list[c.pick % Math.max(1, list.length)];
    try {
      switch (c.kind) {
        case 'contact': {
          const stream = officeStream(c.office, 'employer', c.org);
          const state = (streams.get(stream) ?? []).reduce((s, e) => evolveEmployerAccount(s, e as never), initialEmployerAccount());
          const note = c.text.length > 0 ? c.text : undefined;
          record(
            c.office,
            stream,
            recordEmployerContact(
              {
                ...base,
                contactId: `contact-${n}`,
                orgNumber: c.org,
                employerName: note,
                naceCode: c.naceCode,
                channel: c.channel,
                theme: c.theme,
                durationMinutes: 30,
                note,
                noPersonalData: true,
              },
              state,
            ),
          );
          return;
        }
        case 'need': {
          const id = `need-${n}`;
          const stream = officeStream(c.office, 'need', id);
          record(
            c.office,
            stream,
            registerRecruitmentNeed(
              { ...base, needId: id, orgNumber: c.org, positions: c.positions, occupation: c.text || 'tømrer' },
              initialRecruitmentNeed(),
            ),
          );
          needs.push({ office: c.office, id });
          return;
        }
        case 'close': {
          const need = existing(needs);
          if (!need) return;
          const stream = officeStream(need.office, 'need', need.id);
          const state = (streams.get(stream) ?? []).reduce((s, e) => evolveRecruitmentNeed(s, e as never), initialRecruitmentNeed());
          record(need.office, stream, closeRecruitmentNeed({ ...base, needId: need.id, result: c.result }, state));
          return;
        }
        case 'enrol': {
          const id = `case-${n}`;
          const stream = officeStream(c.office, 'case', id);
          const providerOrgNumber = c.mode === 'EXTERNAL' ? c.org : undefined;
          record(
            c.office,
            stream,
            enrolClient(
              {
                ...base,
                caseId: id,
                subjectId: '0190f3a0-1111-4aaa-8bbb-000000000001',
                needGroup: c.needGroup,
                followUpMode: c.mode,
                measureCode: c.measure,
                providerOrgNumber,
              },
              caseState(stream),
            ),
          );
          cases.push({ office: c.office, id });
          return;
        }
        default: {
          const open = existing(cases);
          if (!open) return;
          const stream = officeStream(open.office, 'case', open.id);
          const state = caseState(stream);
          const onCase = { ...base, caseId: open.id };
          if (c.kind === 'followUp') record(open.office, stream, recordFollowUp({ ...onCase, kind: c.followUp }, state));
          if (c.kind === 'exit') record(open.office, stream, exitClient({ ...onCase, reason: c.exitReason }, state));
          if (c.kind === 'place') {
            record(
              open.office,
              stream,
              placeClient(
                { ...onCase, orgNumber: c.org, startDate: c.startDate, employmentPercent: c.percent, employmentType: c.employmentType },
                state,
              ),
            );
          }
          if (c.kind === 'transfer') {
            const newCaseId = `case-${n}`;
            const [out] = transferCase({ ...onCase, fromOfficeNumber: open.office, toOfficeNumber: c.toOffice, newCaseId }, state);
            record(open.office, stream, [out!]);
            const target = officeStream(c.toOffice, 'case', newCaseId);
            record(
              c.toOffice,
              target,
              receiveTransferredCase({ fromOfficeNumber: open.office, transferredOut: out!.data }, caseState(target)),
            );
            cases.push({ office: c.toOffice, id: newCaseId });
          }
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  });
  return log;
}

export const metadataOf = (office: string, type: string, n: number) => ({
  actor: 'Z123456',
  officeNumber: office,
  commandId: `command-${n}`,
  correlationId: `correlation-${n}`,
  causationId: `command-${n}`,
  schemaVersion: schemaVersionOf(type),
});
