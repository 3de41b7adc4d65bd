import { Module } from '@nestjs/common';
import { EngagementController } from './engagement.controller.js';
import { GetEngagementHandler } from './get-engagement.query.js';
/** The engagement view's route and query handler. */
@Module({ controllers: [EngagementController], providers: [GetEngagementHandler] })
export class EngagementModule {}
