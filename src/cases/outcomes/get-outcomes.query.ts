import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { periodOf } from '../../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import { cohortPrefix, outcomesProjection, type Cohort } from './outcomes.projection.js';
import { outcomes } from './outcomes.query.js';

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
    const view = await this.views.at(time, [outcomesProjection], { office: officeNumber });
    const { from, to } = periodOf(period, view.now);
    const prefix = cohortPrefix(officeNumber);
    const { position, docs } = await view.read<Cohort>(outcomesProjection, { from: `${prefix}${from}`, to: `${prefix}${to}` });
    return { officeNumber, position, ...view.marks, ...outcomes(docs.values(), from, to) };
  }
}
