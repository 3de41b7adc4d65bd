import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import { SubjectDirectory } from '../../shared/clients/subject-directory.js';
import { isClientRef } from '../../shared/values/personal-id.js';
import type { ActiveCase } from './follow-up-gaps.projection.js';
import { followUpGapsView } from './follow-up-gaps.view.js';
import { followUpGaps } from './follow-up-gaps.answer.js';

export interface FollowUpGapsAnswer extends Partial<AsOfMarks> {
  officeNumber: string;
  position: number;
  days: number;
  count: number;
  /** `clientRef`: the client's pseudonym, or null once the client is erased (the case still counts). */
  cases: (Omit<ReturnType<typeof followUpGaps>[number], 'subjectId'> & { subjectId: string | null; clientRef: string | null })[];
}

export class GetFollowUpGaps extends Query<FollowUpGapsAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly days: number,
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetFollowUpGaps)
export class GetFollowUpGapsHandler implements IQueryHandler<GetFollowUpGaps> {
  constructor(
    private readonly views: ViewReader,
    private readonly subjects: SubjectDirectory,
  ) {}

  /** Days without follow-up count to the view's now: the request's, or the as-of moment's. */
  async execute({ officeNumber, days, time }: GetFollowUpGaps): Promise<FollowUpGapsAnswer> {
    const view = await this.views.at(time, [followUpGapsView.projection], { office: officeNumber });
    const { position, docs } = await view.read<ActiveCase>(followUpGapsView.projection, followUpGapsView.ranges.activeCases(officeNumber));
    const gaps = followUpGaps(docs.values(), days, view.now);
    // The pseudonym is looked up now, live or in a replay: events and views hold only the subject id.
    const refs = await this.subjects.clientRefsOf(gaps.map((c) => c.subjectId));
    const cases = gaps.map((c) => {
      const clientRef = refs.get(c.subjectId) ?? null;
      // A legacy subject id is the pseudonym itself: once erased it is not shown.
      return clientRef === null && isClientRef(c.subjectId) ? { ...c, subjectId: null, clientRef } : { ...c, clientRef };
    });
    return { officeNumber, position, ...view.marks, days, count: cases.length, cases };
  }
}
