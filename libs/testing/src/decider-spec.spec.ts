import { DeciderSpecification } from './decider-spec.js';

// A counter that refuses to go past 2: just enough to see the helper pass and fail.
type Counted = { type: 'Counted'; data: { by: number } };
class TooMany extends Error {
  readonly code: string = 'COUNTER.TOO_MANY';
}
const counter = DeciderSpecification.for({
  initialState: () => 0,
  evolve: (count: number, event: Counted) => count + event.data.by,
  decide: (command: { by: number }, count: number): Counted[] => {
    if (count + command.by > 2) throw new TooMany('at most 2');
    return [{ type: 'Counted', data: { by: command.by } }];
  },
});
const counted = (by: number): Counted => ({ type: 'Counted', data: { by } });

describe('DeciderSpecification', () => {
  it('passes when the decision is the expected events, folded from the given history', () => {
    counter
      .given([counted(1)])
      .when({ by: 1 })
      .then([counted(1)]);
  });

  it('fails when the decision differs from the expected events', () => {
    expect(() =>
      counter
        .given([])
        .when({ by: 1 })
        .then([counted(2)]),
    ).toThrow();
  });

  it('fails a `then` when the decider refuses', () => {
    expect(() =>
      counter
        .given([counted(2)])
        .when({ by: 1 })
        .then([counted(1)]),
    ).toThrow('at most 2');
  });

  it('passes `thenThrows` on the expected error type and a check that holds', () => {
    counter
      .given([counted(2)])
      .when({ by: 1 })
      .thenThrows(TooMany, (e) => e.code === 'COUNTER.TOO_MANY');
    counter
      .given([counted(2)])
      .when({ by: 1 })
      .thenThrows(TooMany, (e) => expect(e.message).toBe('at most 2'));
  });

  it('fails `thenThrows` when nothing is thrown, another error is, or the check says no', () => {
    expect(() => counter.given([]).when({ by: 1 }).thenThrows(TooMany)).toThrow();
    expect(() =>
      counter
        .given([counted(2)])
        .when({ by: 1 })
        .thenThrows(TypeError),
    ).toThrow();
    expect(() =>
      counter
        .given([counted(2)])
        .when({ by: 1 })
        .thenThrows(TooMany, (e) => e.code === 'OTHER'),
    ).toThrow('failed the check');
  });
});
