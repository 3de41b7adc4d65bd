import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { followUpGapsView, outcomesView } from '../cases/cases.views.js';
import { engagementView, inquiriesView } from '../employers/employers.views.js';
import { periodOf } from '../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../shared/views/view-time.js';
import type { ViewRange } from '../shared/views/read-ranges.js';
import { ViewReader } from '../shared/views/view-reader.js';
import { OfficeComparer } from './office-comparer.js';
import { COMPARED_GAP_DAYS, type ComparedDocs, type OfficeFigures } from './office-comparison.js';

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
   * views at once, and hands back only the ranges below (a national fold holds far more). Live, each
   * range stays one JSON text on this thread, the commands' thread, and the comparison's thread parses them.
   */
  async execute({ visibleOffices, period: asked, time }: GetOffices): Promise<OfficesAnswer> {
    const projections = [engagementView.projection, outcomesView.projection, followUpGapsView.projection, inquiriesView.projection];
    const reads = (now: string) => comparedRanges(periodOf(asked, now), now, visibleOffices);
    const view = await this.views.at(time, projections, { offices: visibleOffices }, (now) => Object.values(reads(now)));
    const period = periodOf(asked, view.now);
    const ranges = reads(view.now);
    const [engagement, outcomes, openCases, quietOnCutoffDay, inquiries] = await Promise.all([
      view.readForThread(ranges.engagement.projection, ranges.engagement.range),
      view.readForThread(ranges.outcomes.projection, ranges.outcomes.range),
      view.readForThread(ranges.openCases.projection, ranges.openCases.range),
      view.readForThread(ranges.quietOnCutoffDay.projection, ranges.quietOnCutoffDay.range),
      view.readForThread(ranges.inquiries.projection, ranges.inquiries.range),
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

/** What the comparison reads of each view for a period, as of `now`. */
export function comparedRanges(
  period: { from: string; to: string },
  now: string,
  visibleOffices: readonly string[] | undefined,
): { [Range in keyof ComparedDocs]: ViewRange } {
  const gapRanges = followUpGapsView.ranges.gapCounts(COMPARED_GAP_DAYS, now, visibleOffices);
  return {
    engagement: { projection: engagementView.projection, range: engagementView.ranges.everyOfficeMonths(period.from, period.to) },
    outcomes: { projection: outcomesView.projection, range: outcomesView.ranges.everyOfficeMonths(period.from, period.to) },
    openCases: { projection: followUpGapsView.projection, range: gapRanges.tallies },
    quietOnCutoffDay: { projection: followUpGapsView.projection, range: gapRanges.cutoffDay },
    inquiries: { projection: inquiriesView.projection, range: inquiriesView.ranges.everyOfficeMonths(period.from, period.to) },
  };
}
