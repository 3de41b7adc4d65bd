import type { RecordedEvent } from '@app/event-store';

/** The first `limit` of `events` (in position order) after `after`: a binary search, then a slice. */
export function eventsAfter(events: readonly RecordedEvent[], after: number, limit: number): RecordedEvent[] {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid]!.position <= after) low = mid + 1;
    else high = mid;
  }
  return events.slice(low, low + limit);
}
