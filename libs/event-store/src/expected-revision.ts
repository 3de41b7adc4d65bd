import { WrongExpectedRevision } from './event-store.errors.js';
import type { ExpectedRevision } from './event-store.port.js';

/** `current` is the stream's last revision, -1 when it has none. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number): void {
  const ok =
    expected === 'any' || (expected === 'no_stream' && current < 0) || (expected === 'exists' && current >= 0) || expected === current;
  if (!ok) throw new WrongExpectedRevision(streamId, expected, current);
}
