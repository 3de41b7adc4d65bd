import type { EventStore } from '@app/event-store';
import { appendHistory, progressBar, type AppendProgress } from './append-history.js';
import { historyOfSize, type NationalHistoryOptions } from './national-history.js';
import { resumePoint } from './resume-point.js';

/**
 * Seeds the first `events` events of the history into `store`, resuming where an earlier run
 * stopped (nothing is stored twice), with a progress bar. What `npm run seed` does.
 */
export async function seedHistory(
  store: EventStore,
  options: NationalHistoryOptions,
  events: number,
  concurrency: number,
): Promise<AppendProgress & { resumedAfter: number }> {
  const { skipAppends, skipEvents } = await resumePoint(store, historyOfSize(options, events), concurrency);
  if (skipEvents > 0) console.log(`resuming after ${skipEvents.toLocaleString('en')} events already stored`);
  const label = `seed ${options.seed}`;
  const result = await appendHistory(store, dropFirst(historyOfSize(options, events), skipAppends), {
    concurrency,
    onProgress: (p) => process.stdout.write(progressBar(label, skipEvents + p.appended, events, p.elapsedMs)),
  });
  return { ...result, resumedAfter: skipEvents };
}

function* dropFirst<T>(items: Iterable<T>, count: number): Generator<T> {
  let i = 0;
  for (const item of items) if (i++ >= count) yield item;
}
