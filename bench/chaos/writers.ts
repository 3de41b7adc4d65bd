import { randomBytes } from 'node:crypto';
import {
  EMPLOYMENT_TYPES,
  EXIT_REASONS,
  FOLLOW_UP_KINDS,
  MEASURES,
  MEASURE_CODES,
  NEED_GROUPS,
  THEMES,
} from '../../src/shared/values/codes.js';
import { newCorrelationId } from '../../src/shared/http/correlation-id.js';
import { orgNumber, pick, random, weighted, type Random } from '../national/random.js';
import { OFFICES, type ChaosClient, type CommandRecord } from './chaos-client.js';

type Kind = 'contact' | 'enrolment' | 'follow-up' | 'placement' | 'exit' | 'transfer';
const MIX: Record<Kind, number> = { contact: 30, enrolment: 20, 'follow-up': 20, placement: 10, exit: 8, transfer: 12 };

interface OpenCase {
  office: string;
  caseId: string;
}

/**
 * `count` writers, each sending one command after another until `stop` is asked for: a mix of the
 * commands the service takes, half of them with an Idempotency-Key. Each writer follows cases of its
 * own (so a refusal means the service refused, not another writer's race), and every answer is kept.
 */
export class Writers {
  readonly records: CommandRecord[] = [];
  private stopping = false;
  private running: Promise<void>[] = [];

  constructor(
    private readonly client: ChaosClient,
    private readonly seed: number,
  ) {}

  start(count: number): void {
    this.stopping = false;
    this.running = Array.from({ length: count }, (_, w) => this.write(random(this.seed * 1000 + w), OFFICES[w % OFFICES.length]!));
  }

  /** Lets every writer finish the command it is on (each bounded by the client's tries and time). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  private async write(rnd: Random, home: string): Promise<void> {
    const cases: OpenCase[] = [];
    for (let sent = 0; !this.stopping && sent < 10_000; sent++) {
      const kind = cases.length === 0 ? pick(rnd, ['contact', 'enrolment'] as const) : weighted(rnd, MIX);
      // One the app keeps: it replaces any other (a prefix, 11 digits in a row), and the checks find events by it.
      const correlationId = newCorrelationId();
      const record: CommandRecord = { kind, correlationId, keyed: rnd() < 0.5, startedAt: Date.now(), answers: [] };
      this.records.push(record);
      const open = cases.length ? cases[Math.floor(rnd() * cases.length)]! : undefined;
      const [path, body] = commandOf(kind, rnd, home, open);
      const done = await this.client.command(record, path, body);
      if (!done.ack) continue;
      if (kind === 'enrolment') cases.push({ office: home, caseId: done.ack.id });
      if (open && (kind === 'exit' || kind === 'placement')) cases.splice(cases.indexOf(open), 1);
      if (open && kind === 'transfer') {
        cases.splice(cases.indexOf(open), 1, { office: (body as { toOfficeNumber: string }).toOfficeNumber, caseId: done.ack.id });
      }
    }
  }
}

function commandOf(kind: Kind, rnd: Random, home: string, open: OpenCase | undefined): [string, object] {
  const now = Date.now();
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
  if (kind === 'contact') {
    const contact = { orgNumber: orgNumber(rnd), channel: 'PHONE', theme: pick(rnd, THEMES), occurredAt: at(3600) };
    return [`/offices/${home}/employer-contacts`, contact];
  }
  if (kind === 'enrolment') {
    const measureCode = pick(rnd, MEASURE_CODES);
    const followUpMode = MEASURES[measureCode];
    const provider = followUpMode === 'EXTERNAL' ? { providerOrgNumber: orgNumber(rnd) } : {};
    const clientRef = randomBytes(32).toString('hex');
    const enrolment = { clientRef, needGroup: pick(rnd, NEED_GROUPS), followUpMode, measureCode, ...provider, occurredAt: at(600) };
    return [`/offices/${home}/cases`, enrolment];
  }
  const { office, caseId } = open!;
  const path = `/offices/${office}/cases/${caseId}`;
  if (kind === 'follow-up') return [`${path}/follow-ups`, { kind: pick(rnd, FOLLOW_UP_KINDS), occurredAt: at(1) }];
  if (kind === 'placement') {
    const placement = { orgNumber: orgNumber(rnd), employmentPercent: 100, employmentType: pick(rnd, EMPLOYMENT_TYPES), occurredAt: at(1) };
    return [`${path}/placement`, { ...placement, startDate: at(0).slice(0, 10) }];
  }
  if (kind === 'exit') return [`${path}/exit`, { reason: pick(rnd, EXIT_REASONS), occurredAt: at(1) }];
  const toOfficeNumber = pick(
    rnd,
    OFFICES.filter((o) => o !== office),
  );
  return [`${path}/transfer`, { toOfficeNumber, occurredAt: at(1) }];
}
