import type { EventStore } from '@app/event-store';
import { eventsOf, type HistoryAppend } from './history-context.js';

export interface AppendProgress {
  /** Events appended by this run so far (re-appended ones of a resume included). */
  appended: number;
  elapsedMs: number;
}

/**
 * Makes each append one `append` call (both streams of a transfer one `appendToStreams` call, so
 * they are stored together or not at all), `concurrency` in flight so that commits group. Two
 * appends of one stream (a case's months) never run at once, so they are stored in the order
 * given. Every event carries its id, so an append already stored is answered from the store
 * and not stored again: a re-run over the same history changes nothing.
 */
export async function appendHistory(
  store: EventStore,
  appends: Iterable<HistoryAppend>,
  options: { concurrency?: number; onProgress?: (progress: AppendProgress) => void } = {},
): Promise<AppendProgress> {
  const concurrency = options.concurrency ?? 32;
  const started = performance.now();
  const progress = (): AppendProgress => ({ appended, elapsedMs: performance.now() - started });
  let appended = 0;
  let lastReport = 0;
  const inFlight = new Set<Promise<void>>();
  const streamsInFlight = new Map<string, Promise<void>>();
  for (const append of appends) {
    const streams = append.map((part) => part.streamId);
    await Promise.all(streams.map((streamId) => streamsInFlight.get(streamId)));
    const stored = append.length === 1 ? store.append(append[0]!.streamId, append[0]!.events) : store.appendToStreams(append);
    const done: Promise<void> = stored.then(() => {
      inFlight.delete(done);
      for (const streamId of streams) if (streamsInFlight.get(streamId) === done) streamsInFlight.delete(streamId);
      appended += eventsOf(append).length;
      if (appended - lastReport >= 5_000) {
        lastReport = appended;
        options.onProgress?.(progress());
      }
    });
    inFlight.add(done);
    for (const streamId of streams) streamsInFlight.set(streamId, done);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  options.onProgress?.(progress());
  return progress();
}

/** `[#######.............]  35%  350,000/1,000,000 events  14,210 events/s` on one line. */
export function progressBar(label: string, done: number, total: number, elapsedMs: number): string {
  const share = Math.min(1, total === 0 ? 1 : done / total);
  const filled = Math.round(share * 30);
  const rate = elapsedMs > 0 ? Math.round((done / elapsedMs) * 1000) : 0;
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
  return `\r${label} ${bar}  ${done.toLocaleString('en')}/${total.toLocaleString('en')} events  ${rate.toLocaleString('en')} events/s   `;
}
