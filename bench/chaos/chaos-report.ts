import type { RoundResult } from './chaos-round.js';

export interface FaultSummary {
  fault: string;
  rounds: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  duplicatedWithoutKey: number;
  halfDoneTransfers: number;
  unexpectedExits: number;
  /** The slowest round. */
  downSeconds: number;
  commandsBackSeconds: number | null;
  commandsBackAfterRestartSeconds: number | null;
  viewsCaughtUpSeconds: number | null;
  viewsEqual: boolean;
}

export function summarise(results: readonly RoundResult[]): FaultSummary[] {
  const faults = [...new Set(results.map((r) => r.fault))];
  return faults.map((fault) => {
    const rounds = results.filter((r) => r.fault === fault);
    const sum = (field: 'acknowledged' | 'lost' | 'duplicated' | 'duplicatedWithoutKey' | 'halfDoneTransfers' | 'unexpectedExits') =>
      rounds.reduce((n, r) => n + r[field], 0);
    const slowest = (field: 'downSeconds' | 'commandsBackSeconds' | 'commandsBackAfterRestartSeconds' | 'viewsCaughtUpSeconds') =>
      rounds.some((r) => r[field] === null) ? null : Math.max(...rounds.map((r) => r[field]!));
    return {
      fault,
      rounds: rounds.length,
      acknowledged: sum('acknowledged'),
      lost: sum('lost'),
      duplicated: sum('duplicated'),
      duplicatedWithoutKey: sum('duplicatedWithoutKey'),
      halfDoneTransfers: sum('halfDoneTransfers'),
      unexpectedExits: sum('unexpectedExits'),
      downSeconds: round1(slowest('downSeconds'))!,
      commandsBackSeconds: round1(slowest('commandsBackSeconds')),
      commandsBackAfterRestartSeconds: round1(slowest('commandsBackAfterRestartSeconds')),
      viewsCaughtUpSeconds: round1(slowest('viewsCaughtUpSeconds')),
      viewsEqual: rounds.every((r) => r.viewsAtHead && r.viewsUnequal.length === 0),
    };
  });
}

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The table README shows (markdown, so it can be pasted as it is). */
export function printTable(summary: readonly FaultSummary[]): void {
  const head = ['fault', 'rounds', 'acknowledged', 'lost', 'duplicated', 'dup. without key', 'half transfers', 'unexpected exits'];
  head.push('down (s)', 'commands back (s)', '… after restart (s)', 'views caught up (s)', 'views verify');
  const rows = summary.map((s) => [
    s.fault,
    s.rounds,
    s.acknowledged,
    s.lost,
    s.duplicated,
    s.duplicatedWithoutKey,
    s.halfDoneTransfers,
    s.unexpectedExits,
    s.downSeconds,
    s.commandsBackSeconds ?? 'never',
    s.commandsBackAfterRestartSeconds ?? 'never',
    s.viewsCaughtUpSeconds ?? 'never',
    s.viewsEqual ? 'equal' : 'DIFFERENT',
  ]);
  console.log([head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n'));
}
