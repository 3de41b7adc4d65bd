import {
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
} from '@app/event-store';
import type { Histogram } from 'prom-client';
import type { Counter } from '../shared/metrics/metrics-registry.js';
import { inSpan } from '../shared/telemetry/trace-context.js';

export interface AppendFigures {
  /** Labelled by outcome: `appended`, `wrong_revision` or `error`. */
  appendSeconds: Histogram<'outcome'>;
  /** Labelled by reason: `wrong_revision` here, `stream_busy` from the PostgreSQL adapter's groups. */
  refusals: Counter;
}

/**
 * The event store as the app sees it, timed and traced: every append is measured by outcome, and
 * a command's stream read and append are spans inside the command's. Reads of `$all` (projections,
 * history, replays) are left alone: they are many and have spans of their own where it matters.
 */
export class ObservedEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly figures: AppendFigures,
  ) {}

  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    return this.observed('event_store.append', events.length, () => this.inner.append(streamId, events, options));
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const events = appends.reduce((sum, part) => sum + part.events.length, 0);
    return this.observed('event_store.append_to_streams', events, () => this.inner.appendToStreams(appends));
  }

  private observed<T>(span: string, events: number, append: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const observe = (outcome: string) => this.figures.appendSeconds.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
    return inSpan(span, { 'event_store.events': events }, () =>
      append().then(
        (result) => {
          observe('appended');
          return result;
        },
        (error: unknown) => {
          const refused = error instanceof WrongExpectedRevision;
          observe(refused ? 'wrong_revision' : 'error');
          if (refused) this.figures.refusals.inc({ reason: 'wrong_revision' });
          throw error;
        },
      ),
    );
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return inSpan('event_store.read_stream', {}, () => this.inner.readStream(streamId, options));
  }

  readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    return inSpan('event_store.read_streams', { 'event_store.streams': streamIds.length }, () => this.inner.readStreams(streamIds));
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  countEventsBetween(after: number, upTo: number, limit: number): Promise<number> {
    return this.inner.countEventsBetween(after, upTo, limit);
  }

  streamCategories(toPosition: number): Promise<string[]> {
    return this.inner.streamCategories(toPosition);
  }

  identity(): Promise<string> {
    return this.inner.identity();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
