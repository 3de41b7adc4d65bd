import { StreamNotFoundError, type Filter, type KurrentDBClient, type Position } from '@kurrent/kurrentdb-client';
import type { KurrentResolved } from './kurrentdb-mapping.js';

/**
 * The most one gRPC read asks for. Client 1.3.1 reads through its Rust bridge, whose iterator
 * has `next()` only: a read left before its end stays open on the connection until garbage
 * collection, and the server serves 100 calls per connection at most. So every read here asks
 * for a bounded count and is drained to its end, which lets the server close the call.
 */
export const PAGE_SIZE = 500;

type Direction = 'forwards' | 'backwards';

export interface AllPageRequest {
  from: Position | 'start' | 'end';
  direction: Direction;
  filter?: Filter;
  count?: number;
}

/** One bounded page of `$all`, read whole, from the leader (a follower may not have the latest writes yet). */
export async function readAllPage(client: KurrentDBClient, request: AllPageRequest): Promise<KurrentResolved[]> {
  const page: KurrentResolved[] = [];
  const read = client.readAll({
    direction: request.direction,
    fromPosition: request.from,
    maxCount: request.count ?? PAGE_SIZE,
    requiresLeader: true,
    ...(request.filter ? { filter: request.filter } : {}),
  });
  for await (const resolved of read) page.push(resolved as KurrentResolved);
  return page;
}

/** One bounded page of a stream, read whole from the leader; an unknown stream reads as empty. */
export async function readStreamPage(
  client: KurrentDBClient,
  streamId: string,
  request: { from: bigint | 'start' | 'end'; direction: Direction; count?: number },
): Promise<KurrentResolved[]> {
  const page: KurrentResolved[] = [];
  try {
    const read = client.readStream(streamId, {
      direction: request.direction,
      fromRevision: request.from,
      maxCount: request.count ?? PAGE_SIZE,
      requiresLeader: true,
    });
    for await (const resolved of read) page.push(resolved as KurrentResolved);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return page;
}

/** The `$all` position of what a read yielded (system records included), for the next page to start from. */
export function rawPosition(resolved: KurrentResolved): Position | undefined {
  const position = resolved.event?.position;
  if (position) return position;
  return resolved.commitPosition !== undefined ? { commit: resolved.commitPosition, prepare: resolved.commitPosition } : undefined;
}
