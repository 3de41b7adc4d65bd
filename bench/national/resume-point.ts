import type { EventStore } from '@app/event-store';
import { eventsOf, type HistoryAppend } from './history-context.js';

/**
 * Where an interrupted seed left off: the appends before the one holding the store's last event.
 * Appends run `inFlight` at a time, so the ones just before it may be missing: those are
 * appended again (the store answers the ones it has from what it stored). Throws when the store
 * holds events this history does not make (another seed, or the app's own data).
 */
export async function resumePoint(
  store: EventStore,
  history: Iterable<HistoryAppend>,
  inFlight: number,
): Promise<{ skipAppends: number; skipEvents: number }> {
  const [last] = await store.readAll({ direction: 'backwards', limit: 1 });
  if (!last) return { skipAppends: 0, skipEvents: 0 };
  const eventsBefore: number[] = [];
  let events = 0;
  for (const append of history) {
    eventsBefore.push(events);
    const appended = eventsOf(append);
    if (appended.some((e) => e.id === last.id)) {
      const skipAppends = Math.max(0, eventsBefore.length - 1 - 2 * inFlight);
      return { skipAppends, skipEvents: eventsBefore[skipAppends]! };
    }
    events += appended.length;
  }
  throw new Error(
    `The store's last event ${last.id} (${last.streamId}) is not part of this synthetic history: seed an empty database, ` +
      'or use the same --seed, --offices, --years and --events (--events sets the rate per month)',
  );
}
