import { v7 as uuidv7 } from 'uuid';
import type { EventStore, NewEvent } from '../libs/event-store/src/index.js';
import { officeStream } from '../libs/event-store/src/index.js';
import { CHANNELS, THEMES } from '../src/shared/domain/codes.js';

/** Deterministic pseudo-random numbers (mulberry32): the same seed makes the same history. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Valid organisation numbers: 8 digits plus the mod-11 check digit (skipping remainder 10). */
export function orgNumbers(count: number, rnd: () => number): string[] {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const numbers: string[] = [];
  while (numbers.length < count) {
    const base = String(800_000_00 + Math.floor(rnd() * 199_999_99));
    const sum = weights.reduce((s, w, i) => s + w * Number(base[i]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) numbers.push(base + check);
  }
  return numbers;
}

const meta = (officeNumber: string, actor: string) => ({
  actor, officeNumber, commandId: uuidv7(), correlationId: uuidv7(), causationId: uuidv7(), schemaVersion: 1,
});

/**
 * Writes about `events` events over `offices` offices and `years` years: employer contacts and
 * client cases (enrolled, followed up, placed or exited). Office sizes are skewed; each stream
 * is appended whole, in one call.
 */
export async function writeHistory(store: EventStore, options: { events: number; offices: number; years: number; seed: number }, progress?: (written: number) => void): Promise<void> {
  const rnd = random(options.seed);
  const offices = Array.from({ length: options.offices }, (_, i) => String(1000 + i * 7).padStart(4, '0'));
  const weights = offices.map((_, i) => 1 / (1 + i * 0.05)); // a few large offices, many small
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const employers = orgNumbers(2000, rnd);
  const end = Date.parse('2026-11-01T00:00:00Z');
  const start = end - options.years * 365 * 86_400_000;
  const at = (t: number) => new Date(t).toISOString();
  const pickOffice = () => {
    let r = rnd() * totalWeight;
    for (let i = 0; i < offices.length; i++) if ((r -= weights[i]!) <= 0) return offices[i]!;
    return offices[0]!;
  };
  let written = 0;
  // Streams are generated in seed order; up to 16 appends are in flight so commits can group.
  const inFlight = new Set<Promise<unknown>>();
  const append = async (streamId: string, events: NewEvent[]) => {
    const appended = store.append(streamId, events).finally(() => inFlight.delete(appended));
    inFlight.add(appended);
    if (inFlight.size >= 16) await Promise.race(inFlight);
  };
  while (written < options.events) {
    const office = pickOffice();
    const advisor = `Z${String(100000 + Math.floor(rnd() * 40)).padStart(6, '0')}`;
    const t = start + rnd() * (end - start - 200 * 86_400_000);
    if (rnd() < 0.5) {
      const orgNumber = employers[Math.floor(rnd() ** 2 * employers.length)]!;
      const contacts: NewEvent[] = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, i) => ({
        type: 'EmployerContacted',
        data: {
          contactId: uuidv7(), orgNumber, naceCode: `${10 + Math.floor(rnd() * 80)}.100`, naceSection: 'C',
          channel: CHANNELS[Math.floor(rnd() * CHANNELS.length)], theme: THEMES[Math.floor(rnd() * THEMES.length)],
          occurredAt: at(t + i * 20 * 86_400_000), navIdent: advisor,
        },
        metadata: meta(office, advisor),
      }));
      await append(officeStream(office, 'employer', orgNumber), contacts);
      written += contacts.length;
    } else {
      const caseId = uuidv7();
      const external = rnd() < 0.6;
      const profile = {
        caseId, clientRef: uuidv7().replace(/-/g, '').padEnd(64, '0'), needGroup: 'SITUATIONAL',
        followUpMode: external ? 'EXTERNAL' : 'IN_HOUSE', measureCode: external ? 'INDOPPFAG' : 'INDJOBSTOT',
        providerOrgNumber: external ? employers[Math.floor(rnd() * 50)] : undefined, startedAt: at(t),
      };
      const events: NewEvent[] = [{ type: 'ClientEnrolled', data: { ...profile, occurredAt: at(t), navIdent: advisor }, metadata: meta(office, advisor) }];
      const followUps = Math.floor(rnd() * 5);
      for (let i = 1; i <= followUps; i++) {
        events.push({ type: 'ClientFollowUpRecorded', data: { caseId, kind: 'PROVIDER_CONTACT', occurredAt: at(t + i * 14 * 86_400_000), navIdent: advisor }, metadata: meta(office, advisor) });
      }
      const closedAt = at(t + (followUps + 1) * 14 * 86_400_000);
      const outcome = rnd();
      if (outcome < 0.5) {
        events.push({
          type: 'ClientPlaced',
          data: { ...profile, orgNumber: employers[Math.floor(rnd() ** 2 * employers.length)], startDate: closedAt.slice(0, 10), employmentPercent: 100, employmentType: 'PERMANENT', occurredAt: closedAt, navIdent: advisor },
          metadata: meta(office, advisor),
        });
      } else if (outcome < 0.8) {
        events.push({ type: 'ClientExited', data: { ...profile, reason: 'NO_JOB', occurredAt: closedAt, navIdent: advisor }, metadata: meta(office, advisor) });
      }
      await append(officeStream(office, 'case', caseId), events);
      written += events.length;
    }
    if (written % 10_000 < 6) progress?.(written);
  }
  await Promise.all(inFlight);
}
