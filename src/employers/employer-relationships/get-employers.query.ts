import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ViewReader } from '../../shared/views/view-reader.js';
import { employerRelationshipsProjection, relationshipPrefix, type EmployerRelationship } from './employer-relationships.projection.js';
import { employerPage, type EmployerSort } from './employer-relationships.query.js';

export type EmployersAnswer = { officeNumber: string; position: number } & ReturnType<typeof employerPage>;

export class GetEmployers extends Query<EmployersAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly page: { sort: EmployerSort; after?: string; limit: number; now: string },
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetEmployers)
export class GetEmployersHandler implements IQueryHandler<GetEmployers> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, page, minPosition }: GetEmployers): Promise<EmployersAnswer> {
    const { position, docs } = await this.views.read<EmployerRelationship>(employerRelationshipsProjection.name, { prefix: relationshipPrefix(officeNumber) }, minPosition);
    return { officeNumber, position, ...employerPage(docs.values(), page) };
  }
}
