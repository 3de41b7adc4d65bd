import type { EventMetadata } from '../event-envelope.js';

/** Where the metadata values that are not strings travel, as JSON text. */
const NON_STRING_VALUES = 'jsonValues';

/**
 * The append's instant, written by this adapter into every event's metadata: the port stamps
 * `recordedAt` once per append, while the server stamps each event on its own (`created`).
 */
export const RECORDED_AT = '$recordedAt';

/** Metadata as stored: ours plus the append's instant. */
export const withRecordedAt = (metadata: EventMetadata, recordedAt: string): EventMetadata => ({ ...metadata, [RECORDED_AT]: recordedAt });

/** The append's instant as this adapter stored it, if it did (events written by other tools have none). */
export function storedRecordedAt(stored: unknown): string | undefined {
  const value = stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[RECORDED_AT] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * KurrentDB's multi-stream append (protocol v2) takes metadata as properties whose values must
 * be strings, and the client refuses anything else. Ours holds numbers (`schemaVersion`), so
 * strings go as they are, readable by any tool, and every other value goes as JSON text in one
 * property; `decodeMetadata` puts them back, so events read the same however they were appended.
 */
export function encodeMetadata(metadata: EventMetadata): Record<string, string> {
  const strings: Record<string, string> = {};
  const others: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value === 'string') strings[key] = value;
    else others[key] = value;
  }
  return { ...strings, [NON_STRING_VALUES]: JSON.stringify(others) };
}

/**
 * Metadata as appended, from what a read hands out. Metadata of a multi-stream append comes with
 * its values as strings (and may carry the server's own `$` properties); the rest as written.
 */
export function decodeMetadata(stored: unknown): EventMetadata {
  if (!stored || typeof stored !== 'object') return stored as EventMetadata;
  const { [RECORDED_AT]: _stamp, ...record } = stored as Record<string, unknown>;
  const encoded = record[NON_STRING_VALUES];
  if (typeof encoded !== 'string') return record as EventMetadata;
  const strings = Object.fromEntries(Object.entries(record).filter(([key]) => key !== NON_STRING_VALUES && !key.startsWith('$')));
  return { ...strings, ...(JSON.parse(encoded) as Record<string, unknown>) } as EventMetadata;
}
