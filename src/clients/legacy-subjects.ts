import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SubjectDirectory } from '../shared/clients/subject-directory.js';
import { CLIENT_REF_PATTERN } from '../shared/values/personal-id.js';

const FILL = 'legacy-client-refs';
const PAGE = 1000;

/**
 * At start: applies every recorded erasure again (after a restore, the backup's links come back),
 * then, once per database, links the clients of events written before subject ids: their upcast
 * subject id is their pseudonym, linked to itself, so erasure finds them like anyone else.
 */
@Injectable()
export class LegacySubjects implements OnApplicationBootstrap {
  private readonly logger = new Logger('ClientErasure');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subjects: SubjectDirectory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const reapplied = await this.subjects.reapplyErasures();
    if (reapplied > 0) this.logger.warn(`re-applied ${reapplied} recorded erasures (a restored backup held their links again)`);
    if (await this.subjects.filled(FILL)) return;
    let after: number | undefined;
    let linked = 0;
    for (;;) {
      const page = await this.store.readAll({ after, limit: PAGE, types: ['ClientEnrolled', 'ClientTransferredIn'] });
      const legacy = page
        .map((e) => (e.data as { subjectId?: string }).subjectId)
        .filter((id): id is string => !!id && CLIENT_REF_PATTERN.test(id));
      await this.subjects.linkLegacy(legacy);
      linked += legacy.length;
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.position;
    }
    await this.subjects.markFilled(FILL);
    if (linked > 0) this.logger.log(`linked the clients of ${linked} events written before subject ids`);
  }
}
