import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { periodOf } from '../../shared/views/query-params.js';
import type { AsOfMarks, ViewTime } from '../../shared/views/view-time.js';
import { ViewReader } from '../../shared/views/view-reader.js';
import { inquiryMonths } from './inquiries.answer.js';
import { inquiriesView } from './inquiries.view.js';

export interface InquiriesAnswer extends Partial<AsOfMarks> {
  officeNumber: string;
  position: number;
  /** The moment "overdue" is measured at: the request's, or the as-of moment's. */
  now: string;
  months: ReturnType<typeof inquiryMonths>;
}

export class GetInquiries extends Query<InquiriesAnswer> {
  constructor(
    readonly officeNumber: string,
    readonly period: { from?: string; to?: string },
    readonly time: ViewTime,
  ) {
    super();
  }
}

@QueryHandler(GetInquiries)
export class GetInquiriesHandler implements IQueryHandler<GetInquiries> {
  constructor(private readonly views: ViewReader) {}

  async execute({ officeNumber, period, time }: GetInquiries): Promise<InquiriesAnswer> {
    const view = await this.views.at(time, [inquiriesView.projection], { office: officeNumber });
    const { from, to } = periodOf(period, view.now);
    const { position, docs } = await view.read(inquiriesView.projection, inquiriesView.ranges.officeMonths(officeNumber, from, to));
    return { officeNumber, position, ...view.marks, now: view.now, months: inquiryMonths(officeNumber, from, to, docs, view.now) };
  }
}
