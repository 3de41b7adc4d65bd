import type { AppendFigures, EventCpu } from '../sections/append.section.js';
import type { HttpFigures } from '../sections/http.section.js';
import type { OpenLoopPhase } from '../sections/open-loop/open-loop-generator.js';
import type { FoldOnlyFigures, RebuildFigures } from '../sections/rebuild.section.js';
import type { AsOfFigures, NationalAsOfFigures, ReplayFigures } from '../sections/replay.section.js';
import type { MachineInfo } from './machine.js';
import { round } from './percentiles.js';
import type { UpgradeFigures } from '../sections/upgrade.section.js';

export interface BenchReport {
  date: string;
  quick: boolean;
  /** Events in the log when the figures were taken. */
  scale: number;
  scales: number[];
  machine: MachineInfo;
  seed: { events: number; seconds: number; eventsPerSecond: number };
  append: { single: AppendFigures; batch: AppendFigures };
  /** In the app's process, right after it caught up the log and replayed an office. */
  rebuild: RebuildFigures;
  /** The same in a fresh process of its own, while the app keeps the live views: the rebuild's own memory. */
  rebuildFresh?: RebuildFigures;
  /** A rebuild's best case: every view folded in memory in a fresh process, nothing written (`fold-only.ts`). */
  rebuildFoldOnly?: FoldOnlyFigures;
  http: HttpFigures;
  /** view → p50Ms<scale>/p99Ms<scale> at both scales, and p99 ratio large/small. */
  query: Record<string, Record<string, number>>;
  replay: ReplayFigures;
  /** The largest office's as-of replays of each view from snapshots (issue 16, part 3). */
  asOf?: AsOfFigures;
  /** An auditor's national `GET /offices?asOf=`: every office from its own snapshots. */
  nationalAsOf?: NationalAsOfFigures;
  /** Seconds the replays waited for the live views to catch up and for PostgreSQL's autovacuum to finish. */
  settledBeforeReplays?: { viewsSeconds: number; autovacuumSeconds: number };
  /** A deploy that raises one view's version, read at a fixed rate throughout (issue 16, part 1). */
  upgrade?: UpgradeFigures;
}

/** Each comparison the issue asks for, with its target: `[figure, value, against, ratio, target]`. */
export function comparisons(r: BenchReport): string[][] {
  const a = r.append;
  const [small, large] = r.scales.map(scaleKey);
  const rows = [
    row(
      'append single (events/s)',
      fmt(a.single.ours),
      `Emmett ${fmt(a.single.emmett)}`,
      ratio(a.single.ours, a.single.emmett),
      '≥ 1.5',
      a.single.ours >= 1.5 * a.single.emmett,
    ),
    row(
      'append single (events/s)',
      fmt(a.single.ours),
      `bare INSERT ${fmt(a.single.ceiling)}`,
      ratio(a.single.ours, a.single.ceiling),
      '≥ 0.6',
      a.single.ours >= 0.6 * a.single.ceiling,
    ),
    row(
      'append single p99 (ms)',
      String(a.single.p99Ms.ours),
      `Emmett ${a.single.p99Ms.emmett}, bare ${a.single.p99Ms.ceiling}`,
      ratio(a.single.p99Ms.ours, a.single.p99Ms.emmett),
      '—',
      true,
    ),
    row('append 100-batch (events/s)', fmt(a.batch.ours), `Emmett ${fmt(a.batch.emmett)}`, ratio(a.batch.ours, a.batch.emmett), '—', true),
    row(
      'append 100-batch (events/s)',
      fmt(a.batch.ours),
      `bare INSERT ${fmt(a.batch.ceiling)}`,
      ratio(a.batch.ours, a.batch.ceiling),
      '≥ 0.8',
      a.batch.ours >= 0.8 * a.batch.ceiling,
    ),
    cpuPerEventRow(a.batch),
    row(
      'rebuild all views (log events/s)',
      fmt(r.rebuild.ours),
      `read only ${fmt(r.rebuild.ceiling)}`,
      ratio(r.rebuild.ours, r.rebuild.ceiling),
      '≥ 0.5',
      r.rebuild.ours >= 0.5 * r.rebuild.ceiling,
    ),
    row(
      'rebuild peak RSS, in the app (MB)',
      String(r.rebuild.peakRssMb),
      r.rebuild.rssAtStartMb === undefined ? '500 MB' : `500 MB; the app held ${r.rebuild.rssAtStartMb} at the start`,
      ratio(r.rebuild.peakRssMb, 500),
      '< 1',
      r.rebuild.peakRssMb < 500,
    ),
    ...(r.rebuildFresh
      ? [
          row(
            'rebuild, fresh process (log events/s)',
            fmt(r.rebuildFresh.ours),
            `read only ${fmt(r.rebuildFresh.ceiling)}`,
            ratio(r.rebuildFresh.ours, r.rebuildFresh.ceiling),
            '≥ 0.5',
            r.rebuildFresh.ours >= 0.5 * r.rebuildFresh.ceiling,
          ),
          row(
            'rebuild peak RSS, fresh process (MB)',
            String(r.rebuildFresh.peakRssMb),
            '500 MB',
            ratio(r.rebuildFresh.peakRssMb, 500),
            '< 1',
            r.rebuildFresh.peakRssMb < 500,
          ),
        ]
      : []),
    ...(r.rebuildFoldOnly
      ? [
          row(
            'rebuild best case: folds alone, nothing written (log events/s)',
            fmt(Math.round(r.rebuildFoldOnly.events / (r.rebuildFoldOnly.fold.seconds + r.rebuildFoldOnly.serialise.seconds))),
            `read only ${fmt(r.rebuildFoldOnly.read.eventsPerSecond)}; peak RSS ${r.rebuildFoldOnly.serialise.peakRssMb} MB`,
            r.rebuildFoldOnly.ratio,
            '—',
            true,
          ),
        ]
      : []),
    ...commandComparisons(r.http),
    ...Object.entries(r.query).map(([view, q]) =>
      row(`view ${view} p99 (ms)`, `${q[`p99Ms${large}`]}`, `at ${small}: ${q[`p99Ms${small}`]}`, q.ratio!, '≤ 1.3', q.ratio! <= 1.3),
    ),
    row(
      `replay office ${r.replay.officeNumber} (ms)`,
      String(r.replay.largestOfficeMs),
      `${fmt(r.replay.events)} events, read ${r.replay.readMs} ms`,
      round(r.replay.events / (r.replay.largestOfficeMs / 1000) / 1000, 1),
      'k events/s',
      true,
    ),
    ...asOfComparisons(r),
    ...(r.upgrade
      ? [
          row(
            `view upgrade: 503s + wrong answers`,
            `${r.upgrade.unavailable} + ${r.upgrade.wrongAnswers}`,
            `${r.upgrade.requests} asked, ${r.upgrade.answersChecked} checked, swap ${r.upgrade.swapSeconds} s`,
            r.upgrade.unavailable + r.upgrade.wrongAnswers,
            '0',
            r.upgrade.unavailable + r.upgrade.wrongAnswers === 0,
          ),
        ]
      : []),
  ];
  return rows;
}

/** Each as-of view of the largest office from snapshots against 500 ms, and the national offices view against 5 s. */
function asOfComparisons(r: BenchReport): string[][] {
  const views = Object.entries(r.asOf?.views ?? {}).map(([view, v]) =>
    row(
      `as-of ${view}, office ${r.replay.officeNumber}, p50/p99 (ms)`,
      `${v.p50}/${v.p99}`,
      `from nothing p50 ${v.fromNothingP50}`,
      ratio(v.p99, 500),
      'p99 ≤ 500',
      v.p99 <= 500,
    ),
  );
  const n = r.nationalAsOf;
  const national = n
    ? [
        row(
          `as-of offices, national (${n.offices} offices), p50/max (ms)`,
          `${fmt(n.p50Ms)}/${fmt(n.maxMs)}`,
          `first, taking snapshots ${fmt(n.firstMs)}`,
          ratio(n.maxMs, 5000),
          'max ≤ 5,000',
          n.maxMs <= 5000,
        ),
        ...(n.overHttp
          ? [
              row(
                'GET /offices?asOfPosition=, national, p50/max (ms)',
                `${fmt(n.overHttp.p50Ms)}/${fmt(n.overHttp.maxMs)}`,
                'the same moments',
                ratio(n.overHttp.maxMs, 5000),
                'max ≤ 5,000',
                n.overHttp.maxMs <= 5000,
              ),
            ]
          : []),
      ]
    : [];
  return [...views, ...national];
}

/** The open-loop rates against their p99 targets (issue 16), then the saturation figure against /health. */
export function commandComparisons(http: HttpFigures): string[][] {
  const targets: Record<number, number> = { 50: 25, 200: 50 };
  return [
    ...(http.openLoop ?? []).map((phase) => {
      const target = targets[phase.ratePerSecond] ?? 50;
      return row(
        `commands at ${phase.ratePerSecond}/s, open loop, p50/p99 (ms)`,
        `${phase.p50Ms}/${phase.p99Ms}`,
        `${target} ms; ${phase.views.count > 0 ? `views p99 ${phase.views.p99Ms}` : 'no views'}${refusals(phase)}`,
        ratio(phase.p99Ms, target),
        `p99 < ${target}`,
        phase.p99Ms < target && phase.failed === 0,
      );
    }),
    ...(http.openLoop ?? []).map((phase) =>
      row(
        `CPU per command at ${phase.ratePerSecond}/s (ms)`,
        `app ${phase.cpuMsPerCommand?.app ?? '?'}`,
        `PostgreSQL ${phase.cpuMsPerCommand?.postgres ?? '?'}`,
        round((phase.cpuMsPerCommand?.app ?? NaN) + (phase.cpuMsPerCommand?.postgres ?? NaN), 2),
        '—',
        true,
      ),
    ),
    ...(http.openLoop ?? []).map((phase) =>
      row(
        `round trips to PostgreSQL per command at ${phase.ratePerSecond}/s`,
        String(phase.roundTrips?.perCommand ?? '?'),
        mostOf(phase.roundTrips?.bySource ?? {}),
        phase.roundTrips?.perCommand ?? NaN,
        '—',
        true,
      ),
    ),
    row(
      'POST employer-contacts (req/s)',
      fmt(http.commandsPerSecond),
      `GET /health ${fmt(http.healthPerSecond)}`,
      ratio(http.commandsPerSecond, http.healthPerSecond),
      '≥ 0.4',
      http.commandsPerSecond >= 0.4 * http.healthPerSecond,
    ),
    row(
      'saturated: 64 connections, p50/p99 (ms)',
      `${http.p50Ms}/${http.p99Ms}`,
      `GET /health p99 ${http.healthP99Ms}`,
      ratio(http.p99Ms, http.healthP99Ms),
      '—',
      true,
    ),
  ];
}

const ratio = (a: number, b: number) => round(a / b, 2);

/** The batch appends' CPU per event beside the bare INSERT's. */
function cpuPerEventRow({ cpuUsPerEvent: { ours, ceiling } }: AppendFigures): string[] {
  const total = (c: EventCpu) => c.app + (c.postgres ?? 0);
  const both = (c: EventCpu) => `${c.app} + ${c.postgres ?? '?'}`;
  const what = 'append 100-batch, CPU per event, bench process + PostgreSQL (µs)';
  return row(what, both(ours), `bare INSERT ${both(ceiling)}`, ratio(total(ceiling), total(ours)), '—', true);
}

const row = (what: string, ours: string, against: string, value: number, target: string, met: boolean) => [
  what,
  ours,
  against,
  String(value),
  target,
  met ? 'yes' : 'NO',
];

export const scaleKey = (events: number): string =>
  events >= 1_000_000 && events % 1_000_000 === 0 ? `${events / 1_000_000}m` : `${Math.round(events / 1000)}k`;

/** The three most frequent messages, each by its first words. */
const mostOf = (bySource: Record<string, number>) =>
  Object.entries(bySource)
    .slice(0, 3)
    .map(([label, n]) => `${label.slice(0, 24)}… ${n}`)
    .join('; ');

/** Commands refused at the cap on commands in flight (503), and the latency of the rest; nothing when none was. */
const refusals = (phase: OpenLoopPhase) =>
  phase.refused.count > 0 ? `; ${phase.refused.count} refused (503), the rest p50/p99 ${phase.accepted.p50Ms}/${phase.accepted.p99Ms}` : '';

const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** A fixed-width table, also valid Markdown. */
export function table(rows: string[][]): string {
  const header = ['figure', 'ours', 'against', 'ratio', 'target', 'met'];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
