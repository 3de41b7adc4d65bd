import { officeStreamPrefix, type EventStore } from '@app/event-store';
import { foldInMemory, type AnyProjection } from '@app/projections';

export interface ReplayFigures {
  officeNumber: string;
  events: number;
  /** Read the office's events (prefix read) and fold them through every projection: what as-of replay does. */
  largestOfficeMs: number;
  readMs: number;
}

/** The office with the most events in the log (one index-only count per category). */
export async function largestOfficeInLog(query: (sql: string) => Promise<{ category: string; events: string }[]>): Promise<string> {
  const rows = await query(`SELECT stream_category AS category, count(*) AS events FROM es_events
    WHERE stream_category LIKE 'office-%' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
  if (!rows[0]) throw new Error('the log holds no office streams');
  return rows[0].category.slice('office-'.length);
}

export async function measureReplay(
  store: EventStore,
  projections: readonly AnyProjection[],
  officeNumber: string,
): Promise<ReplayFigures> {
  const started = performance.now();
  const events = await store.readAll({ streamPrefix: officeStreamPrefix(officeNumber) });
  const readMs = performance.now() - started;
  for (const projection of projections) foldInMemory(projection, events);
  return { officeNumber, events: events.length, largestOfficeMs: Math.round(performance.now() - started), readMs: Math.round(readMs) };
}
