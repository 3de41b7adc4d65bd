// The projections library's test helpers, for specs of views outside the library.
export { ProjectionSpecification } from './projection-spec.js';
export { recordedEvent } from './recorded-event.js';
export { liveLock } from '../projection-tables.js';
