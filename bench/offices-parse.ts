/**
 * What the offices query does with the engagement view's docs, in one process and no HTTP: the
 * text of the period's docs parsed and the distinct employers and advisors per office summed over
 * the period, as engagement v3 did it (month rows, a key per employer) and as v4 does it (compared
 * months, one list each). The history is the bench's (250 offices, five years, seed 42), folded in
 * memory at both scales, the period its last five whole months, as `npm run bench` asks:
 *
 *   npm run build && node dist/bench/offices-parse.js [--events 300000] [--runs 300]
 *
 * Prints and writes bench/results/offices-parse-<date>.json: bytes, p50/p99 ms of a query's part,
 * CPU ms and garbage-collection ms per query.
 */
import { writeFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import type { RecordedEvent } from '@app/event-store';
import { foldInMemory } from '@app/projections';
import { addMembers, officeOfMonthKey, type ComparedMonth } from '../src/employers/employers.figures.js';
import { engagementView } from '../src/employers/employers.views.js';
import type { EngagementMonth } from '../src/employers/engagement/engagement.rows.js';
import { historyOfSize } from './national/national-history.js';
import { numberArgument } from './report/arguments.js';
import { percentile, round } from './report/percentiles.js';
import { runScript } from './report/run-script.js';
import { resultFile } from './report/result-file.js';

const scale = numberArgument('--events', 300_000);
const runs = numberArgument('--runs', 300);
const HISTORY = { offices: 250, years: 5, seed: 42, events: scale };

type Distinct = Map<string, { contacts: number; employers: Set<string>; advisors: Set<string> }>;

function tally(offices: Distinct, office: string) {
  let figures = offices.get(office);
  if (!figures) offices.set(office, (figures = { contacts: 0, employers: new Set(), advisors: new Set() }));
  return figures;
}

/** v3: the month rows, each employer and advisor a key. */
function fromMonthRows(texts: readonly [string, string][]): Distinct {
  const offices: Distinct = new Map();
  for (const [office, text] of texts) {
    const month = JSON.parse(text) as EngagementMonth;
    const figures = tally(offices, office);
    figures.contacts += month.employerContacts;
    Object.keys(month.employers).forEach((e) => figures.employers.add(e));
    Object.keys(month.advisors).forEach((a) => figures.advisors.add(a));
  }
  return offices;
}

/** v4: the compared months, one list each. */
function fromComparedMonths(texts: readonly [string, string][]): Distinct {
  const offices: Distinct = new Map();
  for (const [office, text] of texts) {
    const month = JSON.parse(text) as ComparedMonth;
    const figures = tally(offices, office);
    figures.contacts += month.employerContacts;
    addMembers(figures.employers, month.employers);
    addMembers(figures.advisors, month.advisors);
  }
  return offices;
}

let gcMs = 0;
// Held, so that the observer lives as long as the script.
const collector = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (gcMs += entry.duration)));
collector.observe({ entryTypes: ['gc'] });

async function measure(texts: readonly [string, string][], compute: (texts: readonly [string, string][]) => Distinct) {
  for (let i = 0; i < 20; i++) compute(texts);
  const timings: number[] = [];
  const gcBefore = gcMs;
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    compute(texts);
    timings.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  // The collector's entries are delivered after the synchronous loop: let them in before reading.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    p50Ms: round(percentile(timings, 50)),
    p99Ms: round(percentile(timings, 99)),
    cpuMsPerQuery: round((used.user + used.system) / 1000 / runs),
    gcMsPerQuery: round((gcMs - gcBefore) / runs),
  };
}

const signature = (offices: Distinct) =>
  JSON.stringify([...offices].sort(([a], [b]) => a.localeCompare(b)).map(([o, f]) => [o, f.contacts, f.employers.size, f.advisors.size]));

async function main(): Promise<void> {
  const stages = [Math.min(100_000, scale / 10), scale];
  // The bench's period: as many months as the first scale's history holds, less one, at most 12.
  const months = Math.max(1, Math.min(12, Math.floor((stages[0]! / scale) * HISTORY.years * 12) - 1));
  const report: Record<string, unknown> = { date: new Date().toISOString(), runs, history: HISTORY };
  for (const stage of stages) {
    const events: RecordedEvent[] = [];
    for (const append of historyOfSize(HISTORY, stage))
      for (const part of append)
        for (const event of part.events)
          events.push({
            ...event,
            id: event.id ?? String(events.length + 1),
            streamId: part.streamId,
            revision: 0,
            position: events.length + 1,
            recordedAt: '2026-11-01T00:00:00Z',
          });
    const docs = foldInMemory(engagementView.projection, events as never[]) as Map<string, unknown>;
    const lastAt = events.reduce((latest, e) => Math.max(latest, Date.parse((e.data as { occurredAt: string }).occurredAt)), 0);
    const period = lastMonths(lastAt, months);
    const inPeriod = (prefix: string) =>
      [...docs]
        .filter(([key]) => key.startsWith(prefix) && key.split('|')[1]! >= period.from && key.split('|')[1]! <= period.to)
        .map(([key, doc]): [string, string] => [officeOfMonthKey(key), JSON.stringify(doc)]);
    const monthRows = inPeriod('m|');
    const compared = inPeriod('c|');
    if (signature(fromMonthRows(monthRows)) !== signature(fromComparedMonths(compared))) throw new Error('v3 and v4 differ');
    const bytes = (texts: [string, string][]) => texts.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
    const figures = {
      events: events.length,
      period,
      v3: { docs: monthRows.length, bytes: bytes(monthRows), ...(await measure(monthRows, fromMonthRows)) },
      v4: { docs: compared.length, bytes: bytes(compared), ...(await measure(compared, fromComparedMonths)) },
    };
    console.log(JSON.stringify(figures));
    report[`${stage}`] = figures;
  }
  const file = resultFile(`offices-parse-${new Date().toISOString().slice(0, 10)}`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written ${file}`);
}

function lastMonths(atMs: number, count: number): { from: string; to: string } {
  const at = new Date(atMs);
  const month = (back: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
  return { from: month(count), to: month(1) };
}

runScript(main);
