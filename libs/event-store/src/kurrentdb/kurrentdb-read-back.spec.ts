import type { RecordedEvent } from '../event-envelope.js';
import { readBackAppended, type ReadFrom } from './kurrentdb-read-back.js';

const stored = (ids: string[]): RecordedEvent[] =>
  ids.map((id, revision) => ({
    id,
    type: 'A',
    data: {},
    metadata: { actor: 'Z123456', officeNumber: '0314', commandId: 'c', correlationId: 'c', causationId: 'c', schemaVersion: 1 },
    streamId: 'office-0314.case-1',
    revision,
    position: 100 + revision,
    recordedAt: '2026-01-01T00:00:00.000Z',
  }));

/** A stream read over events held here, the way readStream answers. */
const readOver =
  (events: RecordedEvent[]): ReadFrom =>
  async (from, limit, direction) => {
    if (direction === 'backwards')
      return events
        .filter((e) => from === undefined || e.revision <= from)
        .reverse()
        .slice(0, limit);
    return events.filter((e) => e.revision >= (from ?? 0)).slice(0, limit);
  };

describe('reading back an accepted KurrentDB append', () => {
  it('returns the appended events just before the answered revision, later appends left out', async () => {
    const stream = stored(['a', 'b', 'mine-1', 'mine-2', 'later']);
    const back = await readBackAppended(readOver(stream), 's', ['mine-1', 'mine-2'], 3);
    expect(back.map((e) => [e.id, e.revision, e.position])).toEqual([
      ['mine-1', 2, 102],
      ['mine-2', 3, 103],
    ]);
  });

  it('finds the events by id when they are not where the revision says', async () => {
    const stream = stored(['mine-1', 'mine-2', 'c', 'd']);
    const back = await readBackAppended(readOver(stream), 's', ['mine-1', 'mine-2'], 3);
    expect(back.map((e) => e.revision)).toEqual([0, 1]);
  });

  it('fails clearly when an accepted event cannot be read back', async () => {
    await expect(readBackAppended(readOver(stored(['a'])), 'office-0314.case-1', ['gone'], 0)).rejects.toThrow(
      'KurrentDB accepted the append to office-0314.case-1 but not all of its events can be read back',
    );
  });
});
