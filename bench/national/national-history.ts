import { clientCase } from './client-cases.js';
import { employerContacts } from './employer-contacts.js';
import type { HistoryContext, StreamAppend } from './history-context.js';
import { nationalOffices, pickOffice } from './national-offices.js';
import { random } from './random.js';
import { recruitmentNeed } from './recruitment-needs.js';

export type { StreamAppend } from './history-context.js';

export interface NationalHistoryOptions {
  offices: number;
  years: number;
  seed: number;
  /** The history ends here (fixed, so a seed means the same events whatever the clock says). */
  end?: string;
}

export const DEFAULT_END = '2026-11-01T00:00:00Z';

/** Share of generated streams: employers met, client cases (with their transfers), recruitment needs. */
const EMPLOYER_STREAMS = 0.62;
const CASE_STREAMS = 0.3;

/**
 * The synthetic national history as appends, one stream each, without end: the caller stops
 * when it has enough. Depends only on the options, so a shorter history is a prefix of a longer
 * one with the same seed, and a re-run (or a resume) yields the same events and ids.
 */
export function* nationalHistory(options: NationalHistoryOptions): Generator<StreamAppend> {
  const rnd = random(options.seed);
  const end = Date.parse(options.end ?? DEFAULT_END);
  const ctx: HistoryContext = { rnd, start: end - Math.round(options.years * 365.25 * 86_400_000), end };
  const offices = nationalOffices(rnd, options.offices);
  for (;;) {
    const r = rnd();
    if (r < EMPLOYER_STREAMS) {
      const employer = employerContacts(ctx, pickOffice(rnd, offices));
      if (employer.events.length > 0) yield employer;
    } else if (r < EMPLOYER_STREAMS + CASE_STREAMS) yield* clientCase(ctx, offices);
    else yield recruitmentNeed(ctx, offices);
  }
}

/** The first appends of the history holding at least `events` events in all. */
export function* historyOfSize(options: NationalHistoryOptions, events: number): Generator<StreamAppend> {
  let count = 0;
  for (const append of nationalHistory(options)) {
    if (count >= events) return;
    count += append.events.length;
    yield append;
  }
}

/** The office with the most events, by a walk of the same history (no store needed). */
export function largestOffice(options: NationalHistoryOptions, events: number): { officeNumber: string; events: number } {
  const counts = new Map<string, number>();
  for (const { events: appended } of historyOfSize(options, events)) {
    for (const e of appended) counts.set(e.metadata.officeNumber, (counts.get(e.metadata.officeNumber) ?? 0) + 1);
  }
  const [officeNumber, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return { officeNumber, events: count };
}
