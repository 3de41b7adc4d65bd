import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { periodOf } from '../../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import type { ProviderCohort } from './outcomes.projection.js';
import { outcomesView } from './outcomes.view.js';
import { providerOutcomes } from './outcomes.answer.js';

export interface ProvidersAnswer extends Partial<AsOfMarks> {
  position: number;
  providers: ReturnType<typeof providerOutcomes>;
}

export class GetProviders extends Query<ProvidersAnswer> {
  constructor(
    readonly period: { from?: string; to?: string },
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetProviders)
export class GetProvidersHandler implements IQueryHandler<GetProviders> {
  constructor(private readonly views: ViewReader) {}

  /** National: a replay reads every office's events. */
  async execute({ period, time }: GetProviders): Promise<ProvidersAnswer> {
    const view = await this.views.at(time, [outcomesView.projection]);
    const { from, to } = periodOf(period, view.now);
    const { position, docs } = await view.read<ProviderCohort>(outcomesView.projection, outcomesView.ranges.providerMonths(from, to));
    return { position, ...view.marks, providers: providerOutcomes(docs.values()) };
  }
}
