import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { periodOf } from '../../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import { engagementView } from './engagement.view.js';
import { engagementMonths, type EngagementMonthAnswer } from './engagement.answer.js';

export interface EngagementAnswer extends Partial<AsOfMarks> {
  officeNumber: string;
  position: number;
  months: EngagementMonthAnswer[];
}

export class GetEngagement extends Query<EngagementAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly period: { from?: string; to?: string },
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetEngagement)
export class GetEngagementHandler implements IQueryHandler<GetEngagement> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, period, time }: GetEngagement): Promise<EngagementAnswer> {
    const view = await this.views.at(time, [engagementView.projection], { office: officeNumber });
    const { from, to } = periodOf(period, view.now);
    const { position, docs } = await view.read(engagementView.projection, engagementView.ranges.officeMonths(officeNumber, from, to));
    return { officeNumber, position, ...view.marks, months: engagementMonths(officeNumber, from, to, docs) };
  }
}
