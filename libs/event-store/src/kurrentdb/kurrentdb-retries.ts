import { DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import { InvalidAppend } from '../event-store.errors.js';
import type { AppendResult } from '../event-store.port.js';

/** Attempts of one append whose answer got lost (deadline, leader change, node down), each after a pause. */
export const APPEND_ATTEMPTS = 4;
export const pauseBefore = (attempt: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));

/**
 * Failures after which the append may or may not be stored. A concurrent append of the same ids
 * gets no answer from the server while the first is being written (`IdempotentNotReady`,
 * answered by a deadline), and an election drops the call: the adapter then looks for the ids
 * and answers what was stored, or sends the same ids again (the server stores them once).
 */
export const isInDoubt = (error: unknown): boolean =>
  error instanceof DeadlineExceededError ||
  error instanceof UnavailableError ||
  error instanceof NotLeaderError ||
  error instanceof TimeoutError;

/**
 * The answer to an append whose ids are all stored in the stream already (a retry), or undefined
 * when none is. Some but not all of them stored is not a retry of this append: refused.
 */
export function storedAppend(streamId: string, newestFirst: readonly RecordedEvent[], ids: readonly string[]): AppendResult | undefined {
  const wanted = new Set(ids);
  const byId = new Map(newestFirst.filter((e) => wanted.has(e.id)).map((e) => [e.id, e]));
  if (byId.size === 0) return undefined;
  if (byId.size !== wanted.size) throw new InvalidAppend(`Some of these event ids are already stored in ${streamId}; not appending`);
  const events = ids.map((id) => byId.get(id)!);
  const last = events[events.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events };
}
