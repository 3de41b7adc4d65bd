import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState, type Position } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-envelope.js';
import { WrongExpectedRevision } from '../event-store.errors.js';
import { isIdClaim } from './kurrentdb-id-claims.js';
import { decodeMetadata, storedRecordedAt } from './kurrentdb-metadata.js';
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

/**
 * The client's WrongExpectedVersionError as ours. Its `actualState` is the stream's revision
 * as a bigint, or `no_stream`; anything else (deleted, tombstoned) has no revision either.
 */
export function toWrongExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  error: { actualState?: unknown },
): WrongExpectedRevision {
  const actual = typeof error.actualState === 'bigint' && error.actualState >= 0n ? Number(error.actualState) : -1;
  return new WrongExpectedRevision(streamId, expected, actual);
}

/** A recorded event as the client hands it out, from a stream read, an `$all` read or a subscription. */
export interface KurrentRecorded {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  isJson: boolean;
  position?: Position;
}

/** What the client yields: the event, and a commit position older servers only put beside it. */
export interface KurrentResolved {
  event?: KurrentRecorded;
  commitPosition?: bigint;
}

/** System streams and events (`$…`) are KurrentDB's own, never ours. */
export const isSystem = (event: { streamId: string; type: string }): boolean =>
  event.streamId.startsWith('$') || event.type.startsWith('$');

/**
 * Our envelope from what the client yields, or undefined for what is not ours to hand out:
 * system events, non-JSON events (this store only writes JSON) and its own claims of event ids
 * (kurrentdb-id-claims.ts). The `$all` commit position
 * is our global position: KurrentDB writes each event of an append as its own committed record,
 * so every event has a commit position of its own, rising in `$all` order (also within one
 * multi-stream append: AllReader.cs of KurrentDB 25.1 gives a self-committed prepare its own log
 * position as commit position). `recordedAt` is the append's instant this adapter stored in the
 * metadata; only events written by other tools fall back to the server's per-event `created`.
 */
export function fromResolved(resolved: KurrentResolved): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || isSystem(event) || isIdClaim(event.streamId)) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error(`KurrentDB event ${event.id} in ${event.streamId} came without a position (server older than 22.6?)`);
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: decodeMetadata(event.metadata),
    streamId: event.streamId,
    revision: Number(event.revision),
    position: Number(position),
    recordedAt: storedRecordedAt(event.metadata) ?? event.created.toISOString(),
  };
}

/**
 * A `$all` position from one of ours. Ours are commit positions of self-committed records,
 * where the prepare position is the same number.
 */
export const toPosition = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });
