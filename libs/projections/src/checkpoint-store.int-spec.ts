import { InMemoryEventStore, officeStream, type NewEvent } from '@app/event-store';
import { countingProjection, countsOf, directCounts } from './testing/counting-projection.js';
import { ProjectionTestBed } from './testing/projection-test-bed.js';

const counts = countingProjection();

const contact = (n: number): NewEvent => ({
  type: 'ContactRecorded',
  data: { n },
  metadata: { actor: 'Z123456', officeNumber: '0314', commandId: `c${n}`, correlationId: `c${n}`, causationId: `c${n}`, schemaVersion: 1 },
});

describe('checkpoints bound to the event store whose positions they hold', () => {
  let bed: ProjectionTestBed;
  const checkpoint = async () =>
    (await bed.dataSource.query(`SELECT position::int, event_store FROM projection_checkpoints WHERE name = $1`, [counts.name]))[0];

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('checkpoint_store', [counts.name]);
    await bed.append(300);
  });
  afterAll(async () => {
    await bed.close();
  });

  it('keeps a view for the same store, and folds it again from 0 when the event store is another one', async () => {
    const first = await bed.engine([counts]);
    await first.start();
    expect(await first.waitForPosition(counts.name, bed.lastAppended, 20_000)).toBe(true);
    await first.stop();
    expect(await checkpoint()).toEqual({ position: bed.lastAppended, event_store: 'postgres' });

    const again = await bed.engine([counts]);
    await again.start();
    expect((await checkpoint()).position).toBe(bed.lastAppended);
    await again.stop();

    // EVENT_STORE switched: a log whose positions 1, 2, 3 mean other events than PostgreSQL's.
    const other = new InMemoryEventStore();
    await other.append(officeStream('0314', 'case', 'x'), [contact(1), contact(2), contact(3)]);
    const switched = await bed.engine([counts], { eventStore: other });
    await switched.start();
    expect(await switched.waitForPosition(counts.name, 3, 10_000)).toBe(true);
    const { position, docs } = await switched.loadDocs(counts);
    expect(position).toBe(3);
    expect(countsOf(docs)).toEqual(directCounts(await other.readAll()));
    expect((await checkpoint()).event_store).toBe(await other.identity());
    await switched.stop();
  });
});
