/**
 * Given/when/then for functional deciders, after Emmett's DeciderSpecification:
 * `given` past events, `when` a command, `then` the new events (or the refusal).
 *
 *   DeciderSpecification.for({ decide, evolve, initialState })
 *     .given([enrolled]).when(placeClient).then([placed]);
 *   ... .when(placeAgain).thenThrows(CaseAlreadyClosed, (e) => e.code === 'CASE.ALREADY_CLOSED');
 */
export interface Decider<Command, State, Event> {
  /** Events are typed from `evolve` (the whole union), so a decider of one event type fits. */
  decide: (command: Command, state: State) => NoInfer<Event>[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** Asserts with `expect` inside, or answers false to fail; nothing else counts as a failure. */
export type ErrorCheck<E> = (error: E) => boolean | void;

export const DeciderSpecification = {
  for<Command, State, Event>(decider: Decider<Command, State, Event>) {
    return {
      given(history: Event[]) {
        return {
          when(command: Command) {
            // Folded here, not in `given`, so a broken evolve fails the test that uses it.
            const run = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
            return {
              then(expected: Event[]): void {
                expect(run()).toEqual(expected);
              },
              thenThrows<E extends Error>(errorType: abstract new (...args: never[]) => E, check?: ErrorCheck<E>): void {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toBeInstanceOf(errorType);
                if (check?.(thrown as E) === false) {
                  throw new Error(`${errorType.name} was thrown, but failed the check: ${(thrown as E).message}`);
                }
              },
            };
          },
        };
      },
    };
  },
};
