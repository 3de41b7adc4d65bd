import pg from 'pg';
import { round } from '../../report/percentiles.js';

/** The app's round trips to PostgreSQL over a span, per command, and by what each message began with. */
export interface RoundTripFigures {
  perCommand: number;
  /** `<a named statement's name, or the message's first words>` → round trips per command, most first. */
  bySource: Record<string, number>;
}

const LABEL_LENGTH = 48;
const WHERE_LENGTH = 24;
/**
 * How much of a message its label is made from. A live view's batch sends its rows as literals, tens
 * of kilobytes a message, and this count runs in the app's process: folding the whole of every message
 * added the bench's own garbage to what it measures.
 */
const TEXT_LABELLED = 512;

/**
 * Counts the round trips to PostgreSQL that this process's connections make: every `query` of a
 * driver client (the event store's pool, TypeORM's, the listener's) sends one message and waits for
 * its answer, whatever number of statements the message holds. Where each socket write and wake-up
 * costs tens of µs on both sides, their number per command is a cost of its own (bench/README.md,
 * "Where a command's round trips go"). Worker threads load their own driver and are not counted.
 * `ignore` leaves out the bench's own queries (the server watch's). `figures(from, to, commands)`
 * sums a span given in epoch milliseconds.
 */
export function countRoundTrips(ignore: (text: string) => boolean) {
  const calls: { at: number; label: string }[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const text = textOf(args[0]);
    if (!ignore(text)) calls.push({ at: performance.timeOrigin + performance.now(), label: labelOf(args[0], text) });
    return original.apply(this, args);
  };
  return {
    figures(from: number, to: number, commands: number): RoundTripFigures {
      const counts = new Map<string, number>();
      let total = 0;
      for (const c of calls) {
        if (c.at < from || c.at > to) continue;
        total++;
        counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
      }
      const perCommand = (n: number) => round(n / Math.max(commands, 1), 2);
      return {
        perCommand: perCommand(total),
        bySource: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([label, n]) => [label, perCommand(n)])),
      };
    },
    stop(): void {
      prototype.query = original;
    },
  };
}

const textOf = (query: unknown): string =>
  typeof query === 'string' ? query : typeof query === 'object' && query && 'text' in query ? String(query.text) : '';

/**
 * A named statement by its name; any other message by its first words and the start of its first
 * WHERE (a stream's read and the log's read begin alike), white space folded, string literals as
 * `'…'` (also one the cut ends inside) and numbers as `N`, all from its first `TEXT_LABELLED` characters.
 */
function labelOf(query: unknown, text: string): string {
  if (typeof query === 'object' && query && 'name' in query && query.name) return String(query.name);
  const folded = text
    .slice(0, TEXT_LABELLED)
    .replace(/\s+/g, ' ')
    .replace(/'[^']*('|$)/g, "'…'")
    .replace(/\d+/g, 'N')
    .trim();
  const where = folded.indexOf(' WHERE ');
  const head = folded.slice(0, LABEL_LENGTH);
  return where < LABEL_LENGTH ? head : `${head}… ${folded.slice(where + 1, where + 1 + WHERE_LENGTH)}`;
}
