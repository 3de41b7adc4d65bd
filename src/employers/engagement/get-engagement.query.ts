import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ViewReader } from '../../shared/views/view-reader.js';
import { monthsBetween } from '../../shared/views/months.js';
import { engagementProjection, monthKey } from './engagement.projection.js';
import { engagementMonths, type EngagementMonthAnswer } from './engagement.query.js';

export interface EngagementAnswer {
  officeNumber: string;
  position: number;
  months: EngagementMonthAnswer[];
}

export class GetEngagement extends Query<EngagementAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly from: string,
    readonly to: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetEngagement)
export class GetEngagementHandler implements IQueryHandler<GetEngagement> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, from, to, minPosition }: GetEngagement): Promise<EngagementAnswer> {
    const { position, docs } = await this.views.read(engagementProjection.name, { keys: monthsBetween(from, to).map((month) => monthKey(officeNumber, month)) }, minPosition);
    return { officeNumber, position, months: engagementMonths(officeNumber, from, to, docs) };
  }
}
