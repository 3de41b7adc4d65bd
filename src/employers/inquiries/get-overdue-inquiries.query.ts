import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import { overdueInquiries } from './inquiries.answer.js';
import type { OpenInquiry } from './inquiries.projection.js';
import { inquiriesView } from './inquiries.view.js';

export interface OverdueInquiriesAnswer extends Partial<AsOfMarks> {
  officeNumber: string;
  position: number;
  now: string;
  count: number;
  inquiries: ReturnType<typeof overdueInquiries>;
}

export class GetOverdueInquiries extends Query<OverdueInquiriesAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetOverdueInquiries)
export class GetOverdueInquiriesHandler implements IQueryHandler<GetOverdueInquiries> {
  constructor(private readonly views: ViewReader) {}

  /** Overdue as of the view's now: the request's, or the as-of moment's. */
  async execute({ officeNumber, time }: GetOverdueInquiries): Promise<OverdueInquiriesAnswer> {
    const view = await this.views.at(time, [inquiriesView.projection], { office: officeNumber });
    const { position, docs } = await view.read<OpenInquiry>(inquiriesView.projection, inquiriesView.ranges.open(officeNumber));
    const inquiries = overdueInquiries(docs.values(), view.now);
    return { officeNumber, position, ...view.marks, now: view.now, count: inquiries.length, inquiries };
  }
}
