import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import type { EmployerRelationship } from './employer-relationships.projection.js';
import { employerRelationshipsView } from './employer-relationships.view.js';
import { employerPage, type EmployerSort } from './employer-relationships.answer.js';

export type EmployerRelationshipsAnswer = { officeNumber: string; position: number } & Partial<AsOfMarks> &
  Awaited<ReturnType<typeof employerPage>>;

export class GetEmployerRelationships extends Query<EmployerRelationshipsAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly page: { sort: EmployerSort; after?: string; limit: number },
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetEmployerRelationships)
export class GetEmployerRelationshipsHandler implements IQueryHandler<GetEmployerRelationships> {
  constructor(private readonly views: ViewReader) {}

  /** "Not contacted for 90 days" counts back from the view's now: the request's, or the as-of moment's. */
  async execute({ officeNumber, page, time }: GetEmployerRelationships): Promise<EmployerRelationshipsAnswer> {
    const view = await this.views.at(time, [employerRelationshipsView.projection], { office: officeNumber });
    let position = 0;
    // The page's own read comes last, so the answer's position is the one its docs were read at.
    const answer = await employerPage(
      async (range) => {
        const read = await view.read<EmployerRelationship>(employerRelationshipsView.projection, range);
        position = read.position;
        return read.docs;
      },
      officeNumber,
      { ...page, now: view.now },
    );
    return { officeNumber, position, ...view.marks, ...answer };
  }
}
