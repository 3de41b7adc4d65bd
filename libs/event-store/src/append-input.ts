import { v7 as uuidv7, validate as isUuid } from 'uuid';
import { InvalidAppend } from './event-store.errors.js';
import type { EventMetadata, NewEvent } from './event-envelope.js';
import type { ExpectedRevision } from './event-store.port.js';

const REQUIRED_METADATA = ['actor', 'officeNumber', 'commandId', 'correlationId', 'causationId'] as const;

/** An event checked and ready to store: its id made, its data and metadata as JSON text. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  dataJson: string;
  metadataJson: string;
}

/**
 * Every adapter checks its input here, before it touches storage, so bad input is refused the
 * same way everywhere and nothing is written.
 */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: unknown,
): { events: PreparedEvent[]; expectedRevision: ExpectedRevision } {
  if (typeof streamId !== 'string' || streamId.trim() === '') throw new InvalidAppend('Stream id must be a non-empty string');
  if (streamId.startsWith('$')) throw new InvalidAppend(`Stream id ${streamId} is reserved (starts with $)`);
  if (streamId.includes('\u0000')) throw new InvalidAppend('Stream id must not hold a NUL character');
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppend(`No events to append to ${streamId}`);
  const checkedRevision = checkExpectedRevision(expectedRevision ?? 'any');
  const ids = new Set<string>();
  const prepared = events.map((event, index) => {
    const where = `${streamId} event ${index}`;
    if (!event || typeof event !== 'object') throw new InvalidAppend(`${where}: not an event object`);
    if (typeof event.type !== 'string' || event.type.trim() === '' || event.type.includes('\u0000')) {
      throw new InvalidAppend(`${where}: type must be a non-empty string without NUL characters`);
    }
    const id = event.id ?? uuidv7();
    if (!isUuid(id)) throw new InvalidAppend(`${where}: id ${String(id)} is not a UUID`);
    if (ids.has(id)) throw new InvalidAppend(`${where}: id ${id} appears twice in one append`);
    ids.add(id);
    const metadata = checkMetadata(event.metadata, where);
    return {
      id,
      type: event.type,
      data: event.data,
      metadata,
      dataJson: toJson(event.data, `${where} (${event.type}) data`),
      metadataJson: toJson(metadata, `${where} (${event.type}) metadata`),
    };
  });
  return { events: prepared, expectedRevision: checkedRevision };
}

function checkExpectedRevision(value: unknown): ExpectedRevision {
  if (value === 'any' || value === 'no_stream' || value === 'exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidAppend(
    `Unknown expected revision ${JSON.stringify(value) ?? String(value)}: use a revision ≥ 0, 'no_stream', 'exists' or 'any'`,
  );
}

function checkMetadata(metadata: unknown, where: string): EventMetadata {
  if (!metadata || typeof metadata !== 'object') throw new InvalidAppend(`${where}: metadata is missing`);
  const m = metadata as Record<string, unknown>;
  for (const field of REQUIRED_METADATA) {
    if (typeof m[field] !== 'string' || m[field] === '') throw new InvalidAppend(`${where}: metadata.${field} must be a non-empty string`);
  }
  if (!Number.isInteger(m.schemaVersion) || (m.schemaVersion as number) < 1) {
    throw new InvalidAppend(`${where}: metadata.schemaVersion must be an integer ≥ 1`);
  }
  return m as EventMetadata;
}

/** JSON.stringify alone accepts undefined, functions and NaN silently: refuse what would not round-trip. */
function toJson(value: unknown, what: string): string {
  const seen = new Set<unknown>();
  const check = (v: unknown, path: string): void => {
    switch (typeof v) {
      case 'bigint':
      case 'function':
      case 'symbol':
        throw new InvalidAppend(`${what}: ${path} is a ${typeof v}, which JSON cannot hold`);
      case 'number':
        if (!Number.isFinite(v)) throw new InvalidAppend(`${what}: ${path} is ${v}, which JSON cannot hold`);
        return;
      case 'string':
        // PostgreSQL's jsonb cannot hold U+0000; refused on every adapter so that they all agree.
        if (v.includes('\u0000')) throw new InvalidAppend(`${what}: ${path} holds a NUL character`);
        return;
      case 'object':
        if (v === null) return;
        if (seen.has(v)) throw new InvalidAppend(`${what}: ${path} refers back to itself (circular)`);
        // JSON.stringify turns these into {} without a word: the data would be lost.
        if (v instanceof Map || v instanceof Set)
          throw new InvalidAppend(`${what}: ${path} is a ${v.constructor.name}, which JSON cannot hold`);
        seen.add(v);
        if (Array.isArray(v)) v.forEach((item, i) => check(item, `${path}[${i}]`));
        else if (!(v instanceof Date)) {
          for (const [k, item] of Object.entries(v)) {
            check(k, `${path} key`);
            check(item, `${path}.${k}`);
          }
        }
        seen.delete(v);
        return;
      default:
        return;
    }
  };
  if (value === undefined) throw new InvalidAppend(`${what} is missing`);
  // The walk that names the offending path builds a string per field: run it only to say what is wrong.
  if (!jsonSafe(value, new Set())) check(value, '$');
  return JSON.stringify(value);
}

/** What `check` refuses, without naming it: true when JSON.stringify would round-trip `value`. */
function jsonSafe(v: unknown, seen: Set<unknown>): boolean {
  switch (typeof v) {
    case 'bigint':
    case 'function':
    case 'symbol':
      return false;
    case 'number':
      return Number.isFinite(v);
    case 'string':
      return !v.includes('\u0000');
    case 'object': {
      if (v === null) return true;
      if (seen.has(v) || v instanceof Map || v instanceof Set) return false;
      seen.add(v);
      let safe = true;
      if (Array.isArray(v)) {
        for (let i = 0; safe && i < v.length; i++) safe = jsonSafe(v[i], seen);
      } else if (!(v instanceof Date)) {
        for (const k of Object.keys(v)) {
          if (k.includes('\u0000') || !jsonSafe((v as Record<string, unknown>)[k], seen)) {
            safe = false;
            break;
          }
        }
      }
      seen.delete(v);
      return safe;
    }
    default:
      return true;
  }
}
