// What other areas may compute with from the employers area's views: the docs' shapes and the rules
// that read them. Plain code without the views' Nest modules (those are in employers.views.ts), so the
// offices comparison's worker thread loads it in a moment.
export { inquiryFigures } from './inquiries/inquiries.answer.js';
export type { InquiryMonth, OpenInquiry } from './inquiries/inquiries.projection.js';
export { addMembers, officeOfMonthKey, type ComparedMonth } from './engagement/engagement.rows.js';
