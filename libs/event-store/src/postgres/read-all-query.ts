import type { ReadAllOptions } from '../event-store.port.js';
import { EVENT_COLUMNS } from './event-row.js';

/**
 * Only events of transactions older than every transaction still running: a reader never sees
 * position N while a lower position can still commit.
 */
export const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

/** SQL and parameters for a `readAll`; an office prefix reads the (stream_category, position) index in order. */
export function readAllQuery(options: ReadAllOptions): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where = [VISIBLE];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const backwards = options.direction === 'backwards';
  if (options.after !== undefined) where.push(`position ${backwards ? '<' : '>'} ${param(options.after)}`);
  if (options.toPosition !== undefined) where.push(`position <= ${param(options.toPosition)}`);
  if (options.streamPrefix) {
    // Any prefix reaching past the first '.' lies within one category: `office-0314.` or `office-0314.case-`.
    const category = /^([^.]+)\./.exec(options.streamPrefix)?.[1];
    if (category && options.streamPrefix === `${category}.`) {
      // The whole category: `starts_with` would say nothing more, yet the planner takes it as a
      // second, independent filter, expects a few rows instead of an office's thousands, and
      // sorts them all instead of reading the index in order. Only a stream named exactly
      // `office-0314` (no dot) is in the category but not under the prefix.
      const c = param(category);
      where.push(`stream_category = ${c}`, `stream_id <> ${c}`);
    } else {
      if (category) where.push(`stream_category = ${param(category)}`);
      where.push(`starts_with(stream_id, ${param(options.streamPrefix)})`);
    }
  }
  if (options.types?.length) where.push(`type = ANY(${param([...options.types])})`);
  // In the query, not after it: a page holds `limit` matching events whenever that many remain.
  if (options.recordedFrom !== undefined) where.push(`recorded_at >= ${param(options.recordedFrom)}::timestamptz`);
  if (options.recordedBefore !== undefined) where.push(`recorded_at < ${param(options.recordedBefore)}::timestamptz`);
  const limit = options.limit !== undefined ? ` LIMIT ${param(options.limit)}` : '';
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where.join(' AND ')} ORDER BY position ${backwards ? 'DESC' : 'ASC'}${limit}`,
    values,
  };
}
