import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { periodOf } from '../../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import type { ProviderCohort } from './outcomes.projection.js';
import { outcomesView } from './outcomes.view.js';
import type { ProviderOutcomes } from './outcomes.answer.js';
import { ProviderOutcomesThread } from './provider-outcomes-thread.js';

export interface ProvidersAnswer extends Partial<AsOfMarks> {
  position: number;
  providers: ProviderOutcomes;
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
  constructor(
    private readonly views: ViewReader,
    private readonly thread: ProviderOutcomesThread,
  ) {}

  /** National: a replay reads every office's events. Live, the rows stay one JSON text here and the providers' thread parses them. */
  async execute({ period, time }: GetProviders): Promise<ProvidersAnswer> {
    const view = await this.views.at(time, [outcomesView.projection]);
    const { from, to } = periodOf(period, view.now);
    const { position, docs } = await view.readForThread<ProviderCohort>(
      outcomesView.projection,
      outcomesView.ranges.providerMonths(from, to),
    );
    return { position, ...view.marks, providers: await this.thread.sum({ rows: docs }) };
  }
}
