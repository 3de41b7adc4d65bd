import { randomUUID } from 'node:crypto';
import { NO_STREAM, jsonEvent, type AppendStreamRequest } from '@kurrent/kurrentdb-client';

/**
 * KurrentDB knows an event id only within its stream (IndexWriter.cs, `CheckCommit`: a retry is
 * recognised by the ids at the expected revision, or under `any` by a bounded cache of recent
 * writes of the same stream), so the same ids sent to another stream would be stored again. The
 * port refuses that, as PostgreSQL's unique index does: every append also writes, in the same
 * multi-stream transaction, one claim per event id — a stream of its own, named after the id,
 * that must not exist yet. A claim that exists makes the server refuse the whole transaction.
 */
export const ID_CLAIM_PREFIX = 'tracker-event-id-';
const CLAIM_TYPE = 'EventIdClaimed';

export const isIdClaim = (streamId: string): boolean => streamId.startsWith(ID_CLAIM_PREFIX);

/**
 * The claims of these ids for `streamId`. A claim's own record id is new each time, so that a
 * resent claim is never taken by the server for a retry of itself: it always conflicts, and
 * the adapter then looks in `streamId` for what was stored.
 */
export const idClaims = (streamId: string, ids: readonly string[]): AppendStreamRequest[] =>
  ids.map((id) => ({
    streamName: `${ID_CLAIM_PREFIX}${id}`,
    expectedState: NO_STREAM,
    events: [jsonEvent({ id: randomUUID(), type: CLAIM_TYPE, data: { streamId } })],
  }));

/** The stream a claim gives its id to, from the claim's record as read; undefined for what is no claim. */
export function claimedFor(record: { event?: { data: unknown } } | undefined): string | undefined {
  const owner = (record?.event?.data as { streamId?: unknown } | undefined)?.streamId;
  return typeof owner === 'string' ? owner : undefined;
}
