import { randomBytes } from 'node:crypto';
import {
  CHANNELS,
  EMPLOYMENT_TYPES,
  EXIT_REASONS,
  FOLLOW_UP_KINDS,
  INQUIRY_SOURCES,
  MEASURES,
  MEASURE_CODES,
  NEED_GROUPS,
  NEED_RESULTS,
  THEMES,
} from '../../../src/shared/values/codes.js';
import { isValidPersonalId } from '../../../src/shared/values/personal-id.js';
import { intBetween, orgNumber, pick, weighted, type Random } from '../../national/random.js';

/** Every command the API takes, and an admin's erasure. */
export type CommandKind =
  | 'contact'
  | 'homeOffice'
  | 'inquiry'
  | 'takeInquiry'
  | 'closeInquiry'
  | 'need'
  | 'closeNeed'
  | 'correctNeed'
  | 'enrolment'
  | 'followUp'
  | 'placement'
  | 'exit'
  | 'transfer'
  | 'correctContact'
  | 'correctCaseStep'
  | 'erasure';

/**
 * How often each kind is sent, per 100 commands: contacts and case follow-up are most of an office's
 * day (as in the synthetic history), corrections and erasures are rare.
 */
export const COMMAND_MIX: Readonly<Record<CommandKind, number>> = {
  contact: 36,
  homeOffice: 2,
  inquiry: 5,
  takeInquiry: 4,
  closeInquiry: 4,
  need: 4,
  closeNeed: 3,
  correctNeed: 1,
  enrolment: 10,
  followUp: 16,
  placement: 3,
  exit: 3,
  transfer: 2,
  correctContact: 3,
  correctCaseStep: 3,
  erasure: 1,
};

/** A kind whose pool is empty is replaced by the kind that fills that pool. */
const FILLED_BY: Partial<Record<CommandKind, CommandKind>> = {
  takeInquiry: 'inquiry',
  closeInquiry: 'inquiry',
  closeNeed: 'need',
  correctNeed: 'need',
  followUp: 'enrolment',
  placement: 'enrolment',
  exit: 'enrolment',
  transfer: 'enrolment',
  correctContact: 'contact',
  correctCaseStep: 'followUp',
  erasure: 'enrolment',
};

/** A command's 201 answer (docs/api.md, Commands). */
export interface Ack {
  id: string;
  streamId: string;
  revision: number;
  position: number;
}

export interface Command {
  kind: CommandKind;
  role: 'advisor' | 'admin';
  /** Under `/api/v1`. */
  path: string;
  body: object;
  /** Called with the answer (undefined when it was not a 2xx): the pools learn what now exists. */
  settle(ack: Ack | undefined): void;
}

interface Busy {
  /** A command on it is in flight: no other is sent on it until that one is answered. */
  busy?: boolean;
}

interface OpenCase {
  office: string;
  caseId: string;
  /** Revisions of the case's follow-ups not yet corrected. */
  followUps: number[];
}

/**
 * Valid commands of every kind, each on something that exists: a step is only sent on a case,
 * need or inquiry whose creation was answered, and never on one with a command still in flight
 * (so a refusal is the service's, not a race the mix made). What the answers create goes into
 * pools; what a command closes leaves them.
 */
export class CommandMix {
  private readonly employers: string[];
  private readonly contacts = new Pool<{ office: string; contactId: string; orgNumber: string }>();
  private readonly inquiries = new Pool<{ office: string; inquiryId: string; taken: boolean }>();
  private readonly needs = new Pool<{ office: string; needId: string }>();
  private readonly cases = new Pool<OpenCase>();
  private readonly persons = new Pool<{ personId: string }>();

  constructor(
    private readonly rnd: Random,
    private readonly offices: readonly string[],
  ) {
    this.employers = Array.from({ length: 5000 }, () => orgNumber(rnd));
  }

  next(): Command {
    let kind = weighted(this.rnd, COMMAND_MIX);
    while (!this.canSend(kind)) kind = FILLED_BY[kind] ?? 'contact';
    return this.command(kind);
  }

  private canSend(kind: CommandKind): boolean {
    if (kind === 'takeInquiry') return this.inquiries.has((i) => !i.taken);
    if (kind === 'closeInquiry') return this.inquiries.has();
    if (kind === 'closeNeed' || kind === 'correctNeed') return this.needs.has();
    if (kind === 'followUp' || kind === 'placement' || kind === 'exit' || kind === 'transfer') return this.cases.has();
    if (kind === 'correctContact') return this.contacts.has();
    if (kind === 'correctCaseStep') return this.cases.has((c) => c.followUps.length > 0);
    if (kind === 'erasure') return this.persons.has();
    return true;
  }

  private command(kind: CommandKind): Command {
    const rnd = this.rnd;
    const now = Date.now();
    const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
    const office = pick(rnd, this.offices);
    const advisor = (path: string, body: object, settle: (ack: Ack | undefined) => void = () => undefined): Command => ({
      kind,
      role: 'advisor',
      path,
      body,
      settle,
    });
    switch (kind) {
      case 'contact': {
        const org = pick(rnd, this.employers);
        const contact = { orgNumber: org, channel: pick(rnd, CHANNELS), theme: pick(rnd, THEMES), occurredAt: at(3600) };
        return advisor(`/offices/${office}/employer-contacts`, contact, (ack) => {
          if (ack) this.contacts.add({ office, contactId: ack.id, orgNumber: org });
        });
      }
      case 'homeOffice':
        return advisor(`/offices/${office}/employers/${pick(rnd, this.employers)}/home-office`, {});
      case 'inquiry': {
        const inquiry = { orgNumber: pick(rnd, this.employers), source: pick(rnd, INQUIRY_SOURCES), theme: pick(rnd, THEMES) };
        return advisor(`/offices/${office}/inquiries`, { ...inquiry, receivedAt: at(3600) }, (ack) => {
          if (ack) this.inquiries.add({ office, inquiryId: ack.id, taken: false });
        });
      }
      case 'takeInquiry': {
        const inquiry = this.inquiries.take(rnd, (i) => !i.taken);
        return advisor(`/offices/${inquiry.office}/inquiries/${inquiry.inquiryId}/take`, {}, (ack) => {
          inquiry.taken ||= ack !== undefined;
          this.inquiries.release(inquiry);
        });
      }
      case 'closeInquiry': {
        const inquiry = this.inquiries.take(rnd);
        const closing = { reason: 'CONTACTED_MEETING_AGREED', occurredAt: at(0) };
        return advisor(`/offices/${inquiry.office}/inquiries/${inquiry.inquiryId}/close`, closing, (ack) =>
          this.inquiries.release(inquiry, ack !== undefined),
        );
      }
      case 'need': {
        const need = { orgNumber: pick(rnd, this.employers), positions: intBetween(rnd, 1, 5), occupation: 'tømrer', occurredAt: at(3600) };
        return advisor(`/offices/${office}/recruitment-needs`, need, (ack) => {
          if (ack) this.needs.add({ office, needId: ack.id });
        });
      }
      case 'closeNeed':
      case 'correctNeed': {
        const need = this.needs.take(rnd);
        const path = `/offices/${need.office}/recruitment-needs/${need.needId}`;
        const settle = (ack: Ack | undefined) => this.needs.release(need, ack !== undefined);
        if (kind === 'correctNeed') return advisor(`${path}/correction`, { reason: 'DUPLICATE' }, settle);
        return advisor(`${path}/close`, { result: pick(rnd, NEED_RESULTS), occurredAt: at(0) }, settle);
      }
      case 'enrolment': {
        const measureCode = pick(rnd, MEASURE_CODES);
        const followUpMode = MEASURES[measureCode];
        const provider = followUpMode === 'EXTERNAL' ? { providerOrgNumber: orgNumber(rnd) } : {};
        // Half by personal id number (pseudonymised at the edge, a subject made), half by an earlier clientRef.
        const personId = rnd() < 0.5 ? personalId(rnd) : undefined;
        const client = personId ? { personId } : { clientRef: randomBytes(32).toString('hex') };
        const enrolment = { ...client, needGroup: pick(rnd, NEED_GROUPS), followUpMode, measureCode, ...provider, occurredAt: at(600) };
        return advisor(`/offices/${office}/cases`, enrolment, (ack) => {
          if (!ack) return;
          this.cases.add({ office, caseId: ack.id, followUps: [] });
          if (personId) this.persons.add({ personId });
        });
      }
      case 'followUp': {
        const open = this.cases.take(rnd);
        return advisor(this.casePath(open, 'follow-ups'), { kind: pick(rnd, FOLLOW_UP_KINDS), occurredAt: at(0) }, (ack) => {
          if (ack) open.followUps.push(ack.revision);
          this.cases.release(open);
        });
      }
      case 'correctCaseStep': {
        const open = this.cases.take(rnd, (c) => c.followUps.length > 0);
        const revision = open.followUps.shift()!;
        return advisor(this.casePath(open, 'corrections'), { revision, reason: 'DUPLICATE' }, () => this.cases.release(open));
      }
      case 'placement':
      case 'exit':
      case 'transfer': {
        const open = this.cases.take(rnd);
        const body = this.closing(kind, open, at(0));
        // Closed for good when answered (a transfer opens the case anew at the other office).
        return advisor(this.casePath(open, kind), body, (ack) => {
          this.cases.release(open, ack !== undefined);
          const to = (body as { toOfficeNumber?: string }).toOfficeNumber;
          if (ack && to) this.cases.add({ office: to, caseId: ack.id, followUps: [] });
        });
      }
      case 'correctContact': {
        const contact = this.contacts.take(rnd);
        const correction = { orgNumber: contact.orgNumber, reason: 'WRONG_EMPLOYER' };
        return advisor(`/offices/${contact.office}/employer-contacts/${contact.contactId}/correction`, correction, () =>
          this.contacts.release(contact, true),
        );
      }
      case 'erasure': {
        const person = this.persons.take(rnd);
        const body = { personId: person.personId, reason: 'bench: erasure request' };
        return { kind, role: 'admin', path: '/admin/clients/erase', body, settle: () => this.persons.release(person, true) };
      }
    }
  }

  private closing(kind: 'placement' | 'exit' | 'transfer', open: OpenCase, occurredAt: string): object {
    if (kind === 'exit') return { reason: pick(this.rnd, EXIT_REASONS), occurredAt };
    if (kind === 'transfer')
      return {
        toOfficeNumber: pick(
          this.rnd,
          this.offices.filter((o) => o !== open.office),
        ),
        occurredAt,
      };
    const placement = {
      orgNumber: pick(this.rnd, this.employers),
      employmentPercent: 100,
      employmentType: pick(this.rnd, EMPLOYMENT_TYPES),
    };
    return { ...placement, startDate: occurredAt.slice(0, 10), occurredAt };
  }

  private casePath(open: OpenCase, step: string): string {
    return `/offices/${open.office}/cases/${open.caseId}/${step}`;
  }
}

/** Things commands can be sent on; one taken is busy until released (and gone if released as `done`). */
class Pool<T extends object> {
  private readonly items: (T & Busy)[] = [];

  add(item: T): void {
    this.items.push(item as T & Busy);
  }

  has(fits: (item: T) => boolean = () => true): boolean {
    return this.items.some((item) => !item.busy && fits(item));
  }

  take(rnd: Random, fits: (item: T) => boolean = () => true): T & Busy {
    const free = this.items.filter((item) => !item.busy && fits(item));
    const item = free[Math.floor(rnd() * free.length)]!;
    item.busy = true;
    return item;
  }

  release(item: T & Busy, done = false): void {
    item.busy = false;
    if (done) this.items.splice(this.items.indexOf(item), 1);
  }
}

/** A valid fødselsnummer (born 1960–1999; checked with the service's own rule). */
function personalId(rnd: Random): string {
  for (;;) {
    const twoDigits = (low: number, high: number) => String(intBetween(rnd, low, high)).padStart(2, '0');
    const birth = `${twoDigits(1, 28)}${twoDigits(1, 12)}${twoDigits(60, 99)}`;
    const digits = `${birth}${String(intBetween(rnd, 0, 499)).padStart(3, '0')}`.split('').map(Number);
    const k1 = check(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    const k2 = check([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    const id = `${digits.join('')}${k1}${k2}`;
    if (k1 < 10 && k2 < 10 && isValidPersonalId(id)) return id;
  }
}

const check = (digits: number[], weights: number[]) => {
  const rest = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11);
  return rest === 11 ? 0 : rest;
};
