import type { NewEvent } from '@app/event-store';
import type { HistoryAppend } from './history-context.js';

/**
 * The events one period of the history adds, grouped into one append per stream, except that the
 * streams of a transfer are appended together (one atomic append). Each stream's events are kept
 * in time order and the appends are ordered by their first event, so the log comes out in time
 * order to within a period.
 */
export class PeriodAppends {
  private readonly streams = new Map<string, { at: number; event: NewEvent }[]>();
  /** The arriving stream of each transfer, by the sending one. */
  private readonly arrivals = new Map<string, string>();

  add(streamId: string, atMs: number, event: NewEvent): void {
    const events = this.streams.get(streamId);
    if (events) events.push({ at: atMs, event });
    else this.streams.set(streamId, [{ at: atMs, event }]);
  }

  /** The two streams' events of this period go into one atomic append, the sending stream's first. */
  together(sendingStreamId: string, arrivingStreamId: string): void {
    if (this.arrivals.has(arrivingStreamId))
      throw new Error(`${arrivingStreamId} arrives and leaves in one period: the history moves a case once`);
    this.arrivals.set(sendingStreamId, arrivingStreamId);
  }

  appends(): HistoryAppend[] {
    // Stable sorts: events at the same moment keep the order they were made in (a case's
    // transfer-in follows its transfer-out), and so do appends (ties are broken by creation).
    const parts = new Map(
      [...this.streams].map(([streamId, events]) => [streamId, { at: events.sort((a, b) => a.at - b.at)[0]!.at, events }]),
    );
    const arriving = new Set(this.arrivals.values());
    const appends: { at: number; append: HistoryAppend }[] = [];
    for (const [streamId, { at, events }] of parts) {
      if (arriving.has(streamId)) continue;
      const arrival = this.arrivals.get(streamId);
      const part = { streamId, events: events.map((e) => e.event) };
      const arrived = arrival ? [{ streamId: arrival, events: parts.get(arrival)!.events.map((e) => e.event) }] : [];
      appends.push({ at, append: [part, ...arrived] });
    }
    return appends.sort((a, b) => a.at - b.at).map((a) => a.append);
  }
}
