import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState } from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent } from '../event-envelope.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';

/** Our expected revision in the client's words. */
export function toAppendState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** The client's WrongExpectedVersionError as ours; `actual` -1 when the stream does not exist. */
export function toWrongExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  error: { actualState?: unknown },
): WrongExpectedRevision {
  const actual = typeof error.actualState === 'bigint' ? Number(error.actualState) : -1;
  return new WrongExpectedRevision(streamId, expected, actual);
}

/** The shape of a JSON event as the client reads it (from a stream or from $all). */
export interface KurrentRecorded {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  isJson: boolean;
  position?: { commit: bigint; prepare: bigint };
}

/** Our envelope from a KurrentDB event; its `$all` commit position is our global position. */
export function toRecordedEvent(event: KurrentRecorded, commitPosition?: bigint): RecordedEvent {
  const position = event.position?.commit ?? commitPosition;
  if (position === undefined) throw new Error(`KurrentDB event ${event.id} came without a position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: Number(position),
    recordedAt: event.created.toISOString(),
  };
}

/** System streams and events (`$…`) are KurrentDB's own, never ours. */
export const isOurs = (event: { streamId: string; type: string }): boolean =>
  !event.streamId.startsWith('$') && !event.type.startsWith('$');

/** A regex for the server-side stream filter: literally this prefix. */
export const prefixRegex = (prefix: string): string => `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
