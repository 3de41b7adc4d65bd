/** What every stored event carries besides its data. */
export interface EventMetadata {
  /** NAV-ident of the person (or `system:<name>`) whose command caused the event. */
  actor: string;
  officeNumber: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
  [extra: string]: unknown;
}

/** A domain event as deciders produce it: the `type` string is its stored name. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** An event on its way into the store. `id` (UUIDv7) is made by the store when absent. */
export interface NewEvent<Type extends string = string, Data = unknown> extends DomainEvent<Type, Data> {
  id?: string;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends DomainEvent<Type, Data> {
  id: string;
  metadata: EventMetadata;
  streamId: string;
  revision: number;
  position: number;
  /** ISO-8601 time the store committed the event. */
  recordedAt: string;
}
