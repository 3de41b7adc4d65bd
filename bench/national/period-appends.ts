import type { NewEvent } from '@app/event-store';
import type { StreamAppend } from './history-context.js';

/**
 * The events one period of the history adds, grouped into one append per stream. Each stream's
 * events are kept in time order and the appends are ordered by their first event, so the log
 * comes out in time order to within a period.
 */
export class PeriodAppends {
  private readonly streams = new Map<string, { at: number; event: NewEvent }[]>();

  add(streamId: string, atMs: number, event: NewEvent): void {
    const events = this.streams.get(streamId);
    if (events) events.push({ at: atMs, event });
    else this.streams.set(streamId, [{ at: atMs, event }]);
  }

  appends(): StreamAppend[] {
    const firstAt = (events: { at: number }[]) => events[0]!.at;
    // Stable sorts: events at the same moment keep the order they were made in (a case's
    // transfer-in follows its transfer-out), and so do appends (ties are broken by creation).
    const streams = [...this.streams].map(([streamId, events]) => [streamId, events.sort((a, b) => a.at - b.at)] as const);
    return streams.sort((a, b) => firstAt(a[1]) - firstAt(b[1])).map(([streamId, events]) => ({ streamId, events: events.map((e) => e.event) }));
  }
}
