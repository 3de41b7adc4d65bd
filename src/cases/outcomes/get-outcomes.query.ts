import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ViewReader } from '../../shared/views/view-reader.js';
import { cohortPrefix, outcomesProjection, type Cohort } from './outcomes.projection.js';
import { outcomes } from './outcomes.query.js';

export type OutcomesAnswer = { officeNumber: string; position: number } & ReturnType<typeof outcomes>;

export class GetOutcomes extends Query<OutcomesAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly from: string,
    readonly to: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetOutcomes)
export class GetOutcomesHandler implements IQueryHandler<GetOutcomes> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, from, to, minPosition }: GetOutcomes): Promise<OutcomesAnswer> {
    const prefix = cohortPrefix(officeNumber);
    const { position, docs } = await this.views.read<Cohort>(outcomesProjection.name, { from: `${prefix}${from}`, to: `${prefix}${to}` }, minPosition);
    return { officeNumber, position, ...outcomes(docs.values(), from, to) };
  }
}
