import type { EventMetadata, NewEvent } from '@app/event-store';
import { schemaVersionOf } from '../../src/shared/commands/schema-versions.js';
import { uuidV7At, type Random } from './random.js';

/** One stream's events, appended together in one call. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
}

/**
 * One atomic append of the history: one stream's events, or both halves of a transfer (the
 * sending case's stream and the arriving one's), so no cut of the history holds half a transfer.
 */
export type HistoryAppend = readonly StreamAppend[];

export const eventsOf = (append: HistoryAppend): NewEvent[] => append.flatMap((part) => part.events);

/** What every part of the generator shares: the numbers, the time window, the id maker. */
export interface HistoryContext {
  rnd: Random;
  /** The window of history, in ms since the epoch. */
  start: number;
  end: number;
}

export const newId = (ctx: HistoryContext, atMs: number): string => uuidV7At(ctx.rnd, atMs);

/** Metadata as the command handlers write it: one command per event here, so it causes itself. */
export function commandMetadata(ctx: HistoryContext, type: string, officeNumber: string, actor: string, atMs: number): EventMetadata {
  const commandId = newId(ctx, atMs);
  return { actor, officeNumber, commandId, correlationId: commandId, causationId: commandId, schemaVersion: schemaVersionOf(type) };
}

/** An event as `decideOnStream` would append it, with a deterministic id. */
export function eventAt(
  ctx: HistoryContext,
  type: string,
  data: Record<string, unknown>,
  officeNumber: string,
  actor: string,
  atMs: number,
): NewEvent {
  return { id: newId(ctx, atMs), type, data, metadata: commandMetadata(ctx, type, officeNumber, actor, atMs) };
}
