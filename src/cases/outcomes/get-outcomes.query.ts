import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { periodOf } from '../../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import type { Cohort } from './outcomes.projection.js';
import { outcomesView } from './outcomes.view.js';
import { outcomes } from './outcomes.answer.js';

export type OutcomesAnswer = { officeNumber: string; position: number } & Partial<AsOfMarks> & ReturnType<typeof outcomes>;

export class GetOutcomes extends Query<OutcomesAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly period: { from?: string; to?: string },
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetOutcomes)
export class GetOutcomesHandler implements IQueryHandler<GetOutcomes> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, period, time }: GetOutcomes): Promise<OutcomesAnswer> {
    const view = await this.views.at(time, [outcomesView.projection], { office: officeNumber });
    const { from, to } = periodOf(period, view.now);
    const { position, docs } = await view.read<Cohort>(outcomesView.projection, outcomesView.ranges.officeCohorts(officeNumber, from, to));
    return { officeNumber, position, ...view.marks, ...outcomes(docs.values(), from, to) };
  }
}
