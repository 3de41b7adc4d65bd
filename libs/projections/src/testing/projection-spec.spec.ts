import { countingProjection, countKey } from './counting-projection.js';
import { ProjectionSpecification } from './projection-spec.js';
import { recordedEvent } from './recorded-event.js';

const contact = (position: number) => recordedEvent(position, 'ContactRecorded');
const spec = ProjectionSpecification.for(countingProjection());

describe('ProjectionSpecification', () => {
  it('folds the given events and then the new ones, and hands the documents to the check', () => {
    spec
      .given([contact(1)])
      .when(contact(2))
      .then(new Map([[countKey('0314'), { office: '0314', events: 2, lastType: 'ContactRecorded' }]]));
  });

  it('fails a then that does not hold', () => {
    expect(() =>
      spec
        .given([contact(1)])
        .when(contact(2))
        .then((docs) => expect(docs.get(countKey('0314'))?.events).toBe(1)),
    ).toThrow();
  });

  it('passes an event seen twice, and fails a new one, on thenNothingChanges', () => {
    spec
      .given([contact(1), contact(2)])
      .when(contact(1))
      .thenNothingChanges();
    expect(() =>
      spec
        .given([contact(1)])
        .when(contact(2))
        .thenNothingChanges(),
    ).toThrow();
  });
});
