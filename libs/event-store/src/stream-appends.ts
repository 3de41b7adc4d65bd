import { prepareAppend, type PreparedEvent } from './append-input.js';
import { InvalidAppend } from './event-store.errors.js';
import type { ExpectedRevision, StreamAppend } from './event-store.port.js';

/** One stream's part of an atomic append, checked: what every adapter stores. */
export interface PreparedStreamAppend {
  streamId: string;
  events: PreparedEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * Checks an atomic append to several streams before anything is stored: each part as a single
 * append is checked, and the streams and the event ids must all differ.
 */
export function prepareStreamAppends(appends: readonly StreamAppend[]): PreparedStreamAppend[] {
  if (!Array.isArray(appends) || appends.length === 0) throw new InvalidAppend('No streams to append to');
  const streams = new Set<string>();
  const ids = new Set<string>();
  return appends.map((append) => {
    if (!append || typeof append !== 'object') throw new InvalidAppend('Each stream append must be an object');
    const input = prepareAppend(append.streamId, append.events, append.expectedRevision);
    if (streams.has(append.streamId)) throw new InvalidAppend(`Stream ${append.streamId} appears twice in one atomic append`);
    streams.add(append.streamId);
    for (const event of input.events) {
      if (ids.has(event.id)) throw new InvalidAppend(`Event id ${event.id} appears twice in one atomic append`);
      ids.add(event.id);
    }
    return { streamId: append.streamId, events: input.events, expectedRevision: input.expectedRevision };
  });
}
