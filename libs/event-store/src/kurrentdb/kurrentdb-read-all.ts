import {
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  excludeSystemEvents,
  type KurrentDBClient,
  type Position,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import { InvalidPosition } from '../event-store.errors.js';
import type { ReadAllOptions } from '../event-store.port.js';
import { isSelected, serverFilter } from './kurrentdb-filter.js';
import { fromResolved, toPosition, type KurrentResolved } from './kurrentdb-mapping.js';
import { rawPosition, readAllPage } from './kurrentdb-pages.js';

/**
 * `readAll` over bounded pages. The server filters what it can (one filter: the office prefix,
 * else the types) and counts only what matched against a page; what it cannot filter (types
 * beside a prefix, `recordedAt` bounds, non-JSON events) is dropped here, so pages are read on
 * until `limit` events are selected or a page brings nothing new: a short answer always means
 * the end of what matched, as the port promises.
 */
export async function readAllEvents(client: KurrentDBClient, options: ReadAllOptions): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const { after, toPosition: upTo } = options;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (limit === 0 || (backwards && after === 0)) return [];
  if (after) await eventAtPosition(client, after);
  const filter = serverFilter(options);
  const events: RecordedEvent[] = [];
  let from: Position | 'start' | 'end' = after ? toPosition(after) : backwards ? 'end' : 'start';
  // The last position handled: a page starts at the previous one's last event (forwards) or the cursor.
  let handled: bigint | undefined = after ? BigInt(after) : undefined;
  // Backwards up to an event's position (an as-of lookup): start there, not at the end of `$all`.
  const first = backwards && upTo !== undefined && !after ? await eventAt(client, upTo) : undefined;
  if (first) {
    handled = BigInt(upTo!);
    from = rawPosition(first)!;
    const event = fromResolved(first);
    if (event && isSelected(options, event)) events.push(event);
    if (events.length >= limit) return events;
  }
  for (;;) {
    const page = await readAllPage(client, { from, direction: backwards ? 'backwards' : 'forwards', filter });
    let moved = false;
    for (const resolved of page) {
      const raw = rawPosition(resolved);
      if (!raw || (handled !== undefined && (backwards ? raw.commit >= handled : raw.commit <= handled))) continue;
      handled = raw.commit;
      from = raw;
      moved = true;
      if (upTo !== undefined && raw.commit > BigInt(upTo)) {
        if (backwards) continue;
        return events;
      }
      const event = fromResolved(resolved);
      if (!event || !isSelected(options, event)) continue;
      events.push(event);
      if (events.length >= limit) return events;
    }
    if (!moved) return events;
  }
}

/**
 * The record at a cursor, which must be an event's own position: the server answers another
 * offset with an error (`InvalidPosition`, StorageReaderWorker.All.cs in KurrentDB 25.1) or
 * reads from the record that happens to start there. One unfiltered record from it tells which.
 */
export async function eventAtPosition(client: KurrentDBClient, position: number): Promise<KurrentResolved> {
  if (!Number.isSafeInteger(position) || position < 0) throw new InvalidPosition(position);
  let page;
  try {
    page = await readAllPage(client, { from: toPosition(position), direction: 'forwards', count: 1 });
  } catch (error) {
    if (error instanceof UnavailableError || error instanceof DeadlineExceededError || error instanceof NotLeaderError) throw error;
    throw new InvalidPosition(position);
  }
  const found = page[0];
  if (!found || rawPosition(found)?.commit !== BigInt(position)) throw new InvalidPosition(position);
  return found;
}

/** The record at exactly this position, if one starts there. */
async function eventAt(client: KurrentDBClient, position: number): Promise<KurrentResolved | undefined> {
  try {
    return await eventAtPosition(client, position);
  } catch (error) {
    if (error instanceof InvalidPosition) return undefined;
    throw error;
  }
}

/** The position of the last event a reader is handed (system and non-JSON records are never handed out). */
export async function lastEventPosition(client: KurrentDBClient): Promise<number> {
  let from: Position | 'end' = 'end';
  for (;;) {
    const page = await readAllPage(client, { from, direction: 'backwards', filter: excludeSystemEvents(), count: 100 });
    for (const resolved of page) if (fromResolved(resolved)) return fromResolved(resolved)!.position;
    const last = page.at(-1);
    const next = last ? rawPosition(last) : undefined;
    if (!next || page.length < 100) return 0;
    from = next;
  }
}
