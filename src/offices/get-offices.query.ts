import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { followUpGapsView, outcomesView } from '../cases/cases.views.js';
import { engagementView, inquiriesView } from '../employers/employers.views.js';
import { periodOf } from '../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../shared/views/view-time.js';
import { ViewReader } from '../shared/views/view-reader.js';
import { OfficeComparer } from './office-comparer.js';
import { COMPARED_GAP_DAYS, type OfficeFigures } from './office-comparison.js';

export interface OfficesAnswer extends Partial<AsOfMarks> {
  position: number;
  offices: OfficeFigures[];
}

export class GetOffices extends Query<OfficesAnswer> {
  constructor(
    /** undefined: every office (national role). */
    readonly visibleOffices: readonly string[] | undefined,
    readonly period: { from?: string; to?: string },
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetOffices)
export class GetOfficesHandler implements IQueryHandler<GetOffices> {
  constructor(
    private readonly views: ViewReader,
    private readonly comparer: OfficeComparer,
  ) {}

  /**
   * A replay reads the visible offices' events (every office's for a national role) through all four
   * views at once. Live, each range stays one JSON text on this thread, the commands' thread, and the
   * comparison's thread parses them.
   */
  async execute({ visibleOffices, period: asked, time }: GetOffices): Promise<OfficesAnswer> {
    const projections = [engagementView.projection, outcomesView.projection, followUpGapsView.projection, inquiriesView.projection];
    const view = await this.views.at(time, projections, { offices: visibleOffices });
    const period = periodOf(asked, view.now);
    const gapRanges = followUpGapsView.ranges.gapCounts(COMPARED_GAP_DAYS, view.now, visibleOffices);
    const [engagement, outcomes, openCases, quietOnCutoffDay, inquiries] = await Promise.all([
      view.readForThread(engagementView.projection, engagementView.ranges.everyOfficeMonths(period.from, period.to)),
      view.readForThread(outcomesView.projection, outcomesView.ranges.everyOfficeMonths(period.from, period.to)),
      view.readForThread(followUpGapsView.projection, gapRanges.tallies),
      view.readForThread(followUpGapsView.projection, gapRanges.cutoffDay),
      view.readForThread(inquiriesView.projection, inquiriesView.ranges.everyOfficeMonths(period.from, period.to)),
    ]);
    return {
      position: Math.min(engagement.position, outcomes.position, openCases.position, quietOnCutoffDay.position, inquiries.position),
      ...view.marks,
      offices: await this.comparer.compare({
        docs: {
          engagement: engagement.docs,
          outcomes: outcomes.docs,
          openCases: openCases.docs,
          quietOnCutoffDay: quietOnCutoffDay.docs,
          inquiries: inquiries.docs,
        },
        period,
        now: view.now,
        visibleOffices,
      }),
    };
  }
}
