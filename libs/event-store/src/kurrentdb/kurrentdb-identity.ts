import { NO_STREAM, WrongExpectedVersionError, type KurrentDBClient, type SetStreamMetadataOptions } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';

/**
 * A stream that holds no events, only metadata (in `$$tracker-event-store`, a system stream no
 * read hands out): the id this database got the first time the tracker used it. A new database
 * or cluster gets a new id, so checkpoints of another one are never taken for its positions.
 */
export const IDENTITY_STREAM = 'tracker-event-store';

export async function kurrentDbIdentity(client: KurrentDBClient): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { metadata } = await client.getStreamMetadata(IDENTITY_STREAM, { requiresLeader: true });
    if (typeof metadata?.trackerStoreId === 'string') return `kurrentdb:${metadata.trackerStoreId}`;
    try {
      // Client 1.3.1 documents `expectedRevision` but hands the options to appendToStream, which reads `streamState`.
      const onlyTheFirst = { expectedRevision: NO_STREAM, streamState: NO_STREAM } as SetStreamMetadataOptions;
      await client.setStreamMetadata(IDENTITY_STREAM, { trackerStoreId: randomUUID() }, onlyTheFirst);
    } catch (error) {
      // Another instance named it first: read its name.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }
  throw new Error(`KurrentDB: the store's identity in ${IDENTITY_STREAM} cannot be read`);
}
