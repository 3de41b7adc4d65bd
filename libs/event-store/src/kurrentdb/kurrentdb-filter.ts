import { eventTypeFilter, excludeSystemEvents, streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';

/** Which events of `$all` a read or a subscription wants. An empty `types` list means any type. */
export interface EventSelection {
  streamPrefix?: string;
  types?: readonly string[];
  /** `recordedAt` bounds (ISO-8601): from inclusive, before exclusive. The server cannot filter on them. */
  recordedFrom?: string;
  recordedBefore?: string;
}

/**
 * The filter KurrentDB applies on the server. It takes one filter only, on stream name or on
 * event type: the office prefix is the narrower one, so it wins and types are then checked here
 * (see `isSelected`). Both kinds also leave out system events (`$…` streams and types).
 */
export function serverFilter(selection: EventSelection): Filter {
  if (selection.streamPrefix) return streamNameFilter({ prefixes: [selection.streamPrefix] });
  if (selection.types?.length) return eventTypeFilter({ regex: exactlyOneOf(selection.types) });
  return excludeSystemEvents();
}

/** Everything the selection asks, checked on our side too, whatever the server filtered. */
export function isSelected(selection: EventSelection, event: RecordedEvent): boolean {
  if (selection.streamPrefix && !event.streamId.startsWith(selection.streamPrefix)) return false;
  if (selection.types?.length && !selection.types.includes(event.type)) return false;
  const recorded = Date.parse(event.recordedAt);
  if (selection.recordedFrom !== undefined && recorded < Date.parse(selection.recordedFrom)) return false;
  if (selection.recordedBefore !== undefined && recorded >= Date.parse(selection.recordedBefore)) return false;
  return true;
}

/** A server-side regex (.NET flavour) matching exactly one of these strings. */
export const exactlyOneOf = (values: readonly string[]): string =>
  `^(?:${values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
