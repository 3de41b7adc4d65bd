import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ViewReader } from '../../shared/views/view-reader.js';
import { outcomesProjection, type ProviderCohort } from './outcomes.projection.js';
import { providerOutcomes } from './outcomes.query.js';

export interface ProvidersAnswer {
  position: number;
  providers: ReturnType<typeof providerOutcomes>;
}

export class GetProviders extends Query<ProvidersAnswer> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetProviders)
export class GetProvidersHandler implements IQueryHandler<GetProviders> {
  constructor(private readonly views: ViewReader) {}

  async execute({ from, to, minPosition }: GetProviders): Promise<ProvidersAnswer> {
    const { position, docs } = await this.views.read<ProviderCohort>(outcomesProjection.name, { from: `p|${from}`, to: `p|${to}` }, minPosition);
    return { position, providers: providerOutcomes(docs.values()) };
  }
}
