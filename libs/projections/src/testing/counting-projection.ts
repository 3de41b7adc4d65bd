import { officeOfStream, type RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection.js';
import { recordedEvent } from './recorded-event.js';

/** Test projections: counts of events per office (`count|<office>`), the smallest real view. */
export interface Count {
  office: string;
  events: number;
  lastType: string;
}

export const COUNTED_TYPES = ['ContactRecorded', 'CaseEnrolled'] as const;

export const countKey = (office: string): string => `count|${office}`;

export function countingProjection(overrides: Partial<Projection<Count>> = {}): Projection<Count> {
  return {
    name: 'event_counts',
    version: 1,
    eventTypes: COUNTED_TYPES,
    keysOf: (event) => [countKey(officeOf(event))],
    evolve: (rows, event) => {
      const key = countKey(officeOf(event));
      const count = rows.get(key) ?? { office: officeOf(event), events: 0, lastType: '' };
      rows.set(key, { ...count, events: count.events + 1, lastType: event.type });
    },
    ...overrides,
  };
}

const officeOf = (event: RecordedEvent): string => officeOfStream(event.streamId) ?? 'none';

/** What the count view must equal: counted straight from the events. */
export function directCounts(events: readonly RecordedEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    if (!(COUNTED_TYPES as readonly string[]).includes(event.type)) continue;
    const key = countKey(officeOf(event));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The count view's figures, comparable with `directCounts`. */
export const countsOf = (docs: ReadonlyMap<string, Count>): Map<string, number> =>
  new Map([...docs].map(([key, doc]) => [key, doc.events]));

/** A short log for fold specs: two offices, a type the count does not take, gaps in positions. */
export const sampleLog = (): RecordedEvent[] => [
  recordedEvent(1, 'ContactRecorded', '0314'),
  recordedEvent(2, 'CaseEnrolled', '0314'),
  recordedEvent(4, 'ContactRecorded', '5701'),
  recordedEvent(7, 'SomethingElse', '0314'),
  recordedEvent(9, 'ContactRecorded', '0314'),
];
