import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { followUpGapsProjection } from '../cases/follow-up-gaps/follow-up-gaps.projection.js';
import { outcomesProjection } from '../cases/outcomes/outcomes.projection.js';
import { engagementProjection } from '../employers/engagement/engagement.projection.js';
import { ViewReader } from '../shared/views/view-reader.js';
import { compareOffices, type OfficeFigures } from './office-comparison.js';

export interface OfficesAnswer {
  position: number;
  offices: OfficeFigures[];
}

export class GetOffices extends Query<OfficesAnswer> {
  constructor(
    /** undefined: every office (national role). */
    readonly visibleOffices: readonly string[] | undefined,
    readonly period: { from: string; to: string },
    readonly now: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetOffices)
export class GetOfficesHandler implements IQueryHandler<GetOffices> {
  constructor(private readonly views: ViewReader) {}

  async execute({ visibleOffices, period, now, minPosition }: GetOffices): Promise<OfficesAnswer> {
    const [engagement, outcomes, activeCases] = await Promise.all([
      this.views.read(engagementProjection.name, { from: `m|${period.from}`, to: `m|${period.to}` }, minPosition),
      this.views.read(outcomesProjection.name, { from: `n|${period.from}`, to: `n|${period.to}` }, minPosition),
      this.views.read(followUpGapsProjection.name, { prefix: 'a|' }, minPosition),
    ]);
    const visible = (office: string) => !visibleOffices || visibleOffices.includes(office);
    return {
      position: Math.min(engagement.position, outcomes.position, activeCases.position),
      offices: compareOffices({ engagement: engagement.docs, outcomes: outcomes.docs, activeCases: activeCases.docs }, period, now, visible),
    };
  }
}
