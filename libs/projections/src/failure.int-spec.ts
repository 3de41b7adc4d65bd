import { officeOfStream, type RecordedEvent } from '@app/event-store';
import { foldInMemory } from './in-memory-fold.js';
import type { Projection } from './projection.js';
import type { ProjectionEventFailed } from './projection.errors.js';
import { countKey, countsOf, directCounts, type Count } from './testing/counting-projection.js';
import { ProjectionTestBed, eventually } from './testing/projection-test-bed.js';

/** Issue 12: one event a projection cannot apply must not stop its view for every office. */
describe('an event that throws in evolve', () => {
  let bed: ProjectionTestBed;
  let events: RecordedEvent[];
  let poison: RecordedEvent;

  beforeAll(async () => {
    bed = await ProjectionTestBed.create('projection_failure', ['event_counts']);
    events = await bed.append(900);
    poison = events.find((e) => e.type === 'CaseEnrolled' && officeOfStream(e.streamId) === '5701' && e.position > 450)!;
  });

  afterAll(async () => {
    await bed.close();
  });

  const withoutPoison = () => events.filter((e) => e.position !== poison.position);

  it('parks it, marks the view degraded and keeps every office moving, that one included', async () => {
    const failing = failingAt(poison.position);
    const engine = await bed.engine([failing]);
    await engine.start();

    expect(await engine.waitForPosition(failing.name, bed.lastAppended, 20_000)).toBe(true);
    const { docs } = await engine.loadDocs(failing);
    expect(countsOf(docs)).toEqual(directCounts(withoutPoison()));
    // The throw came after evolve had changed the doc in place: nothing of it is in the view.
    expect(countsOf(docs).get(countKey('5701'))).toBe(directCounts(events).get(countKey('5701'))! - 1);

    const message = `event_counts: CaseEnrolled at position ${poison.position} failed: cannot count ${poison.position}`;
    expect(await engine.parked(failing.name)).toEqual([
      {
        position: poison.position,
        version: 1,
        eventType: 'CaseEnrolled',
        streamId: poison.streamId,
        keys: [countKey('5701')],
        error: message,
        parkedAt: expect.any(String),
      },
    ]);
    expect(await engine.statusOf(failing.name)).toMatchObject({ status: 'degraded', parkedEvents: 1, position: bed.lastAppended, lag: 0 });

    // Later events, of that office too, still reach the view.
    const later = await bed.append(60, ['5701', '0314']);
    expect(await engine.waitForPosition(failing.name, bed.lastAppended, 20_000)).toBe(true);
    events = [...events, ...later];
    expect(countsOf((await engine.loadDocs(failing)).docs)).toEqual(directCounts(withoutPoison()));
  });

  it('is parked the same way by an in-memory fold and by verify, so replay agrees with the live view', async () => {
    const failing = failingAt(poison.position);
    const parked: ProjectionEventFailed[] = [];
    const replayed = foldInMemory(failing, events, { onParked: (failure) => parked.push(failure) });
    expect(parked.map((f) => [f.position, f.streamId, f.keys])).toEqual([[poison.position, poison.streamId, [countKey('5701')]]]);
    const engine = await bed.engine([failing]);
    expect((await engine.loadDocs(failing)).docs).toEqual(replayed);
    expect(await engine.verify(failing.name)).toMatchObject({ equal: true, differenceCount: 0 });
    // Without onParked the fold still throws where the event fails.
    expect(() => foldInMemory(failing, events)).toThrow(`failed: cannot count ${poison.position}`);
  });

  it('parks it again in a rebuild with the same code, and retries it after a fix', async () => {
    await bed.stopEngines();
    const failing = failingAt(poison.position);
    const stillFailing = await bed.engine([failing]);
    await stillFailing.start();
    await stillFailing.rebuild(failing.name);
    await eventually('the rebuild swapped in', async () => (await stillFailing.statusOf(failing.name)).rebuild === null);
    expect((await stillFailing.parked(failing.name)).map((p) => p.position)).toEqual([poison.position]);
    expect(countsOf((await stillFailing.loadDocs(failing)).docs)).toEqual(directCounts(withoutPoison()));

    await bed.stopEngines();
    const fixed = failingAt(-1);
    const engine = await bed.engine([fixed]);
    await engine.start();
    expect(await engine.retryParked(fixed.name)).toMatchObject({ retrying: 1, status: { status: 'rebuilding' } });
    await eventually('the retry swapped in', async () => (await engine.statusOf(fixed.name)).rebuild === null);
    expect(await engine.parked(fixed.name)).toEqual([]);
    expect(await engine.statusOf(fixed.name)).toMatchObject({ status: 'running', parkedEvents: 0 });
    expect(await engine.waitForPosition(fixed.name, bed.lastAppended, 20_000)).toBe(true);
    expect(countsOf((await engine.loadDocs(fixed)).docs)).toEqual(directCounts(events));
    expect(await engine.retryParked(fixed.name)).toMatchObject({ retrying: 0, status: { rebuild: null } });
  });

  it('starts over a rebuild of the same version that failed when asked to retry, rather than leave it failed', async () => {
    await bed.stopEngines();
    const fixed = failingAt(-1);
    // An event parked by the live view, and a rebuild of this version that an earlier release left
    // failed (before events were parked, a rebuild stopped at the first that failed).
    await bed.dataSource.query(
      `INSERT INTO projection_parked_events (name, track, position, version, event_type, stream_id, keys, error_message)
       VALUES ($1, 'live', $2, 1, $3, $4, $5, 'cannot count')`,
      [fixed.name, poison.position, poison.type, poison.streamId, [countKey('5701')]],
    );
    await bed.dataSource.query(
      `INSERT INTO projection_rebuilds (name, version, position, error_position, error_message) VALUES ($1, 1, $2, $2, 'cannot count')`,
      [fixed.name, poison.position],
    );
    const engine = await bed.engine([fixed]);
    expect((await engine.statusOf(fixed.name)).status).toBe('failed');

    expect(await engine.retryParked(fixed.name)).toMatchObject({ retrying: 1, status: { status: 'rebuilding', rebuild: { error: null } } });
    const [rebuild] = await bed.dataSource.query(`SELECT position::int, error_position FROM projection_rebuilds WHERE name = $1`, [
      fixed.name,
    ]);
    expect(rebuild).toEqual({ position: 0, error_position: null });
  });
});

/** Counts events per office, changing the doc in place, and throws on the event at `position` after changing it. */
function failingAt(position: number): Projection<Count> {
  return {
    name: 'event_counts',
    version: 1,
    eventTypes: ['ContactRecorded', 'CaseEnrolled'],
    keysOf: (event) => [countKey(officeOfStream(event.streamId)!)],
    evolve: (rows, event) => {
      const key = countKey(officeOfStream(event.streamId)!);
      const count = rows.get(key) ?? { office: officeOfStream(event.streamId)!, events: 0, lastType: '' };
      count.events += 1;
      count.lastType = event.type;
      rows.set(key, count);
      if (event.position === position) throw new Error(`cannot count ${position}`);
    },
  };
}
