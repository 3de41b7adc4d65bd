import type { RecordedEvent } from '../event-envelope.js';

/** A stream read from a revision: `limit` events forwards, or all of them backwards from there. */
export type ReadFrom = (
  fromRevision: number | undefined,
  limit: number | undefined,
  direction: 'forwards' | 'backwards',
) => Promise<RecordedEvent[]>;

/**
 * The events of an append that KurrentDB accepted, as stored. They sit just before
 * `lastRevision` (the revision the server answered), also for a retry it recognised as already
 * stored. Should the server have placed them otherwise, the stream is searched for their ids.
 */
export async function readBackAppended(
  read: ReadFrom,
  streamId: string,
  ids: readonly string[],
  lastRevision: number,
): Promise<RecordedEvent[]> {
  const first = lastRevision - ids.length + 1;
  if (first >= 0) {
    const expected = await read(first, ids.length, 'forwards');
    if (sameIds(expected, ids)) return expected;
  }
  const byId = new Map((await read(undefined, undefined, 'backwards')).filter((e) => ids.includes(e.id)).map((e) => [e.id, e]));
  const found = ids.map((id) => byId.get(id));
  if (found.some((e) => e === undefined)) {
    throw new Error(`KurrentDB accepted the append to ${streamId} but not all of its events can be read back`);
  }
  return found as RecordedEvent[];
}

const sameIds = (events: readonly RecordedEvent[], ids: readonly string[]): boolean =>
  events.length === ids.length && events.every((e, i) => e.id === ids[i]);
