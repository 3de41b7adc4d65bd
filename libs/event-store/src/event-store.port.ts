/**
 * The event store port. Everything in the app talks to this interface; the adapters
 * (PostgreSQL, in-memory, KurrentDB) implement it and all pass `event-store.contract.ts`.
 *
 * Revisions are per stream and start at 0. Positions are global, strictly increasing in
 * commit order as seen by readers, but not necessarily contiguous (KurrentDB positions
 * are log offsets, PostgreSQL ones may have gaps from rolled-back transactions): the difference of
 * two positions is no count of events, and a position means nothing to another store.
 *
 * `recordedAt` is stamped once per append: every event of one `append` (and of one
 * `appendToStreams`) carries the same instant, in whole milliseconds (ISO-8601, UTC), so an
 * `asOf` bound never splits an append. Appends committed together may share one too.
 */
import type { NewEvent, RecordedEvent } from './event-envelope.js';

/** A stream revision number, or one of the rules EventStoreDB made familiar. */
export type ExpectedRevision = number | 'no_stream' | 'exists' | 'any';

export interface AppendOptions {
  /** Defaults to `any`. */
  expectedRevision?: ExpectedRevision;
}

/** One stream's part of an atomic append to several streams (`appendToStreams`). */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  /** Defaults to `any`. */
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event appended (the stream's new revision). */
  revision: number;
  /** Global position of the last event appended. */
  position: number;
  /** Every appended event in order, as stored. */
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  /** First revision to read (inclusive); default 0, or the last one going backwards. */
  fromRevision?: number;
  /** Only events at or before this global position (audit "as of"). */
  toPosition?: number;
  direction?: 'forwards' | 'backwards';
  limit?: number;
}

/**
 * A read of `$all` answers `limit` events whenever that many match: a shorter answer (an empty one
 * included) means nothing more matched when it was read, which is how readers of the log know
 * they have reached its end. An `after` other than 0 must be an event's position in this store,
 * else the read is refused with `InvalidPosition`.
 */
export interface ReadAllOptions {
  /** Exclusive cursor: going forwards, events after it (a checkpoint); backwards, events before it. Default: from the start. */
  after?: number;
  /** Inclusive upper bound on position. */
  toPosition?: number;
  limit?: number;
  /** e.g. `office-0314.` for all of an office's events. */
  streamPrefix?: string;
  types?: readonly string[];
  direction?: 'forwards' | 'backwards';
  /** Only events recorded at or after this instant (ISO-8601; `recordedAt`). */
  recordedFrom?: string;
  /** Only events recorded before this instant (ISO-8601, exclusive), so windows follow each other without overlap. */
  recordedBefore?: string;
}

export interface SubscribeOptions {
  /** Resume after this position (a checkpoint); default: from the start. */
  after?: number;
  streamPrefix?: string;
  types?: readonly string[];
  /** Largest batch handed out at once; default 500. */
  batchSize?: number;
  /**
   * Once live (a batch smaller than `batchSize` was handed out), wait this long before the next
   * read, so that appends arriving meanwhile come as one batch rather than one read each. Default
   * 0. Adapters with a push subscription (KurrentDB) batch by themselves and ignore it.
   */
  lingerMs?: number;
}

/**
 * Catch-up then live subscription to `$all`. Iterating yields non-empty batches in global
 * order; the iteration waits while there is nothing new and ends after `close()`.
 */
export interface Subscription extends AsyncIterable<RecordedEvent[]> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several distinct streams atomically: every append is stored or none is. One wrong
   * expected revision refuses them all (`WrongExpectedRevision` of the first such stream). The
   * events get positions in the order given, appends in turn. A retry with the same event ids
   * answers what was stored. Answers one result per append, in the order given.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Several streams read whole, each as `readStream` reads it, answered in the order asked (`[]` for
   * a stream without events): a command that decides on several streams reads them at once, on
   * PostgreSQL in one round trip.
   */
  readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Position of the last event a reader is handed now (0 when there is none). */
  headPosition(): Promise<number>;
  /**
   * How many events a reader of `$all` is handed after `after` (exclusive; 0: from the start) up to
   * `upTo` (inclusive), counted up to `limit`: `limit` means that many or more. What a lag in
   * events is measured with, as positions are no count (see above); each store answers as cheaply
   * as its positions allow.
   */
  countEventsBetween(after: number, upTo: number, limit: number): Promise<number>;
  /**
   * The categories of the streams holding an event a reader is handed at or before `toPosition`,
   * in ascending order, each once. A stream's category is its name up to the first '.' (the whole
   * name without one): `office-0314` for `office-0314.case-1`, whose office's events are then one
   * prefix read. What a national as-of replay reads office by office: a category whose first event
   * comes after `toPosition` is not among them. Each store answers as cheaply as its index allows.
   */
  streamCategories(toPosition: number): Promise<string[]>;
  /**
   * Names the log that positions belong to, e.g. `postgres`, `memory:<id>` (each in-memory store is
   * a new log), `kurrentdb:<id>`: whoever keeps positions (a projection's checkpoint) records it
   * and never reuses them under another name.
   */
  identity(): Promise<string>;
  /** A cheap round trip for `/health`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
