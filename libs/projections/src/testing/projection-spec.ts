import type { RecordedEvent } from '@app/event-store';
import { foldInMemory } from '../in-memory-fold.js';
import type { Projection } from '../projection.js';

/**
 * Given/when/then for projections, the read-side twin of `DeciderSpecification`:
 * `given` the events already folded, `when` the next ones arrive, `then` the view's documents.
 *
 *   ProjectionSpecification.for(engagementProjection)
 *     .given(contacted).when(placed).then((docs) => expect(answerOf(docs)).toMatchObject({ placements: 1 }));
 *   ... .given(history).when(history[2]!).thenNothingChanges();   // an event applied twice
 *
 * The fold is `foldInMemory`, the same code audit replay runs and the engine runs a batch at a time.
 * Events are taken as the store hands them out, of any type: the fold passes over other types.
 */
export const ProjectionSpecification = {
  for<Doc, E extends RecordedEvent>(projection: Projection<Doc, E>) {
    const foldAll = (events: readonly RecordedEvent[]) => foldInMemory(projection, events as readonly E[]);
    return {
      given(history: readonly RecordedEvent[]) {
        return {
          when(...events: RecordedEvent[]) {
            // Folded here, not in `given`, so a broken evolve fails the test that uses it.
            const fold = () => foldAll([...history, ...events]);
            return {
              /** The documents as a map, or a check that asserts on them with `expect`. */
              then(expected: ReadonlyMap<string, Doc> | ((docs: Map<string, Doc>) => void)): void {
                if (typeof expected === 'function') expected(fold());
                else expect(fold()).toEqual(expected);
              },
              /** The events change no document: what an event seen a second time must do. */
              thenNothingChanges(): void {
                expect(fold()).toEqual(foldAll(history));
              },
            };
          },
        };
      },
    };
  },
};
