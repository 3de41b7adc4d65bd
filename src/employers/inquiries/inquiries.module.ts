import { Module } from '@nestjs/common';
import { GetInquiriesHandler } from './get-inquiries.query.js';
import { GetOverdueInquiriesHandler } from './get-overdue-inquiries.query.js';
import { InquiriesController } from './inquiries.controller.js';

/** The inquiries view's routes and query handlers. */
@Module({ controllers: [InquiriesController], providers: [GetInquiriesHandler, GetOverdueInquiriesHandler] })
export class InquiriesModule {}
