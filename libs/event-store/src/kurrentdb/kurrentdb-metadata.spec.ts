import { decodeMetadata, encodeMetadata } from './kurrentdb-metadata.js';

describe('metadata of a KurrentDB multi-stream append', () => {
  const metadata = {
    actor: 'Z123456',
    officeNumber: '0314',
    commandId: 'c1',
    correlationId: 'k1',
    causationId: 'c1',
    schemaVersion: 2,
    storedSchemaVersion: 1,
  };

  it('is encoded with string values only, as the client requires', () => {
    const encoded = encodeMetadata(metadata);
    expect(Object.values(encoded).every((value) => typeof value === 'string')).toBe(true);
    expect(encoded.actor).toBe('Z123456');
  });

  it('reads back as appended, numbers as numbers, without the server’s own properties', () => {
    const read = { ...encodeMetadata(metadata), '$schema.name': 'ClientTransferredOut', '$schema.format': 'Json' };
    expect(decodeMetadata(read)).toEqual(metadata);
  });

  it('leaves metadata of a single-stream append as it was stored', () => {
    expect(decodeMetadata(metadata)).toEqual(metadata);
  });
});
