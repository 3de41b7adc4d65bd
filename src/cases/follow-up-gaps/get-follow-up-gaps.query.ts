import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import type { ActiveCase } from './follow-up-gaps.projection.js';
import { followUpGapsView } from './follow-up-gaps.view.js';
import { followUpGaps } from './follow-up-gaps.answer.js';

export interface FollowUpGapsAnswer extends Partial<AsOfMarks> {
  officeNumber: string;
  position: number;
  days: number;
  count: number;
  cases: ReturnType<typeof followUpGaps>;
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
  constructor(private readonly views: ViewReader) {}

  /** Days without follow-up count to the view's now: the request's, or the as-of moment's. */
  async execute({ officeNumber, days, time }: GetFollowUpGaps): Promise<FollowUpGapsAnswer> {
    const view = await this.views.at(time, [followUpGapsView.projection], { office: officeNumber });
    const { position, docs } = await view.read<ActiveCase>(followUpGapsView.projection, followUpGapsView.ranges.activeCases(officeNumber));
    const cases = followUpGaps(docs.values(), days, view.now);
    return { officeNumber, position, ...view.marks, days, count: cases.length, cases };
  }
}
