/**
 * Given/when/then for functional deciders, after Emmett's DeciderSpecification:
 * `given` past events, `when` a command, `then` the new events (or the refusal).
 */
export interface Decider<Command, State, Event> {
  /** Events are typed from `evolve` (the whole union), so a decider of one event type fits. */
  decide: (command: Command, state: State) => NoInfer<Event>[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

export const DeciderSpecification = {
  for<Command, State, Event>(decider: Decider<Command, State, Event>) {
    return {
      given(history: Event[]) {
        const state = history.reduce(decider.evolve, decider.initialState());
        return {
          when(command: Command) {
            const run = () => decider.decide(command, state);
            return {
              then(expected: Event[]) {
                expect(run()).toEqual(expected);
              },
              thenThrows<E extends Error>(errorType: new (...args: never[]) => E, check?: (error: E) => void) {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toBeInstanceOf(errorType);
                check?.(thrown as E);
              },
            };
          },
        };
      },
    };
  },
};
