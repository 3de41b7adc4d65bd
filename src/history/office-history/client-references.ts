import type { RecordedEvent } from '@app/event-store';
import type { SubjectDirectory } from '../../shared/clients/subject-directory.js';

/**
 * Events about a client carry their random subject id only. History shows the client's pseudonym
 * beside it while the link exists, and once the client is erased marks the subject erased: the
 * events stay, and lead to nobody. A legacy subject id (the pseudonym itself, on events written
 * before subject ids) is not shown once erased.
 */
export async function withClientReferences(subjects: SubjectDirectory, page: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
  const subjectOf = (event: RecordedEvent) => (event.data as { subjectId?: unknown }).subjectId;
  const ids = page.map(subjectOf).filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return [...page];
  const refs = await subjects.clientRefsOf(ids);
  return page.map((event) => {
    const subjectId = subjectOf(event);
    if (typeof subjectId !== 'string') return event;
    const data = event.data as Record<string, unknown>;
    const clientRef = refs.get(subjectId);
    if (clientRef) return { ...event, data: { ...data, clientRef } };
    const legacy = subjectId.length === 64;
    return { ...event, data: { ...data, subjectId: legacy ? null : subjectId, subjectErased: true } };
  });
}
