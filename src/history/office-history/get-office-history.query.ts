import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { officeStreamPrefix, type EventStore, EVENT_STORE } from '@app/event-store';
import { historyEventOf, type HistoryEvent } from './history-event.js';
import { redactNotes } from './note-redaction.js';
import { withClientReferences } from './client-references.js';
import { SubjectDirectory } from '../../shared/clients/subject-directory.js';
import type { OfficeHistoryParams } from './office-history.params.js';

export interface OfficeHistoryAnswer {
  officeNumber: string;
  events: HistoryEvent[];
  /** `after` for the next page; null when nothing more matched at the time of the read. */
  next: number | null;
}

export class GetOfficeHistory extends Query<OfficeHistoryAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly params: OfficeHistoryParams,
  ) {
    super();
  }
}

/**
 * The office's events straight from the event store (a prefix read in global order), not from a
 * copy, upcast like every read of `EVENT_STORE`. One more event than the page is read, so `next`
 * is null exactly when the page is the last.
 */
@QueryHandler(GetOfficeHistory)
export class GetOfficeHistoryHandler implements IQueryHandler<GetOfficeHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subjects: SubjectDirectory,
  ) {}

  async execute({ officeNumber, params }: GetOfficeHistory): Promise<OfficeHistoryAnswer> {
    const read = await this.store.readAll({
      streamPrefix: officeStreamPrefix(officeNumber),
      after: params.after,
      limit: params.limit + 1,
      types: params.types,
      recordedFrom: params.from,
      recordedBefore: params.to,
    });
    const page = await withClientReferences(this.subjects, await redactNotes(this.store, read.slice(0, params.limit)));
    const more = read.length > params.limit;
    return { officeNumber, events: page.map(historyEventOf), next: more ? page[page.length - 1]!.position : null };
  }
}
