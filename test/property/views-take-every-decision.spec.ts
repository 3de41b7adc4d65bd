import fc from 'fast-check';
import { InMemoryEventStore } from '@app/event-store';
import { foldInMemory } from '@app/projections';
import { APP_PROJECTIONS } from '../../src/views/app-views.js';
import { replayViews, type ReplayScope } from '../../src/shared/views/view-replay.js';
import { decide, decisionScenario, metadataOf } from './decision-log.js';

/**
 * Issue 12: an accepted command once stopped a view for every office. Whatever the deciders accept
 * (commands of every kind, times from anywhere in years 0001–9999), every view folds it, live
 * (`foldInMemory`, the runner's fold) and in an as-of replay (`InMemoryFold`), without parking anything.
 */
describe('every event a decider can emit', () => {
  const projections = APP_PROJECTIONS;

  it('is folded by every view and by the as-of replay of every office and of all, without a throw', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(decisionScenario, async ({ now, commands }) => {
        const store = new InMemoryEventStore();
        for (const [n, { stream, office, events }] of decide(now, commands).entries()) {
          await store.append(
            stream,
            events.map((e) => ({ type: e.type, data: e.data, metadata: metadataOf(office, e.type, n) })),
          );
        }
        const log = await store.readAll({});
        accepted += log.length;
        for (const projection of projections) foldInMemory(projection, log);
        const head = await store.headPosition();
        const scopes: ReplayScope[] = [{}, { office: '0314' }, { office: '5001' }, { office: '1201' }];
        for (const scope of scopes) {
          const { parked, lastPosition } = await replayViews(store, projections, scope, { toPosition: head }, { pageSize: 7 });
          expect(parked).toEqual([]);
          if (!('office' in scope)) expect(lastPosition).toBe(head);
        }
      }),
      { numRuns: 150 },
    );
    // The generator reaches the views: most commands are accepted, not refused.
    expect(accepted).toBeGreaterThan(1000);
  });
});
