import type { EventStore, RecordedEvent } from '@app/event-store';

/** What a redacted note is shown as. */
export const REDACTED_NOTE = '[redacted]';

/**
 * A redaction (`EmployerContactNoteRedacted`) discards a contact's note without touching the stored
 * event: history, the one place notes are shown, reads the employer streams of the page's contacts
 * with a note and replaces each redacted one at read time, whether the redaction lies before or
 * after the page. Stored events are never rewritten.
 */
export async function redactNotes(store: EventStore, page: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
  const withNote = page.filter((e) => e.type === 'EmployerContacted' && typeof (e.data as { note?: unknown }).note === 'string');
  if (withNote.length === 0) return [...page];
  const redacted = new Set<string>();
  for (const streamId of new Set(withNote.map((e) => e.streamId))) {
    for (const event of await store.readStream(streamId)) {
      if (event.type === 'EmployerContactNoteRedacted') redacted.add((event.data as { contactId: string }).contactId);
    }
  }
  return page.map((event) => {
    const data = event.data as { contactId?: string; note?: string };
    if (event.type !== 'EmployerContacted' || data.note === undefined || !redacted.has(data.contactId!)) return event;
    return { ...event, data: { ...data, note: REDACTED_NOTE, noteRedacted: true } };
  });
}
