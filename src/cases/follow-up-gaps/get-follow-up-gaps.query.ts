import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ViewReader } from '../../shared/views/view-reader.js';
import { activeCasePrefix, followUpGapsProjection, type ActiveCase } from './follow-up-gaps.projection.js';
import { followUpGaps } from './follow-up-gaps.query.js';

export interface FollowUpGapsAnswer {
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
    readonly now: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetFollowUpGaps)
export class GetFollowUpGapsHandler implements IQueryHandler<GetFollowUpGaps> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, days, now, minPosition }: GetFollowUpGaps): Promise<FollowUpGapsAnswer> {
    const { position, docs } = await this.views.read<ActiveCase>(followUpGapsProjection.name, { prefix: activeCasePrefix(officeNumber) }, minPosition);
    const cases = followUpGaps(docs.values(), days, now);
    return { officeNumber, position, days, count: cases.length, cases };
  }
}
