import type { ReadStreamOptions } from '../event-store.port.js';
import { EVENT_COLUMNS } from './event-row.js';

/** SQL and parameters for a `readStreams`: one range of the (stream_id, revision) index per stream. */
export function readStreamsQuery(streamIds: readonly string[]): { text: string; values: unknown[] } {
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, revision`,
    values: [streamIds],
  };
}

/** SQL and parameters for a `readStream`: one range of the (stream_id, revision) index. */
export function readStreamQuery(streamId: string, options: ReadStreamOptions = {}): { text: string; values: unknown[] } {
  const backwards = options.direction === 'backwards';
  const values: unknown[] = [streamId];
  const where = ['stream_id = $1'];
  if (options.fromRevision !== undefined) {
    values.push(options.fromRevision);
    where.push(`revision ${backwards ? '<=' : '>='} $${values.length}`);
  }
  if (options.toPosition !== undefined) {
    values.push(options.toPosition);
    where.push(`position <= $${values.length}`);
  }
  let limit = '';
  if (options.limit !== undefined) {
    values.push(options.limit);
    limit = ` LIMIT $${values.length}`;
  }
  return {
    text: `SELECT ${EVENT_COLUMNS} FROM es_events WHERE ${where.join(' AND ')} ORDER BY revision ${backwards ? 'DESC' : 'ASC'}${limit}`,
    values,
  };
}
