import { Module } from '@nestjs/common';
import { FollowUpGapsController } from './follow-up-gaps.controller.js';
import { GetFollowUpGapsHandler } from './get-follow-up-gaps.query.js';
/** The follow-up gaps view's route and query handler. */
@Module({ controllers: [FollowUpGapsController], providers: [GetFollowUpGapsHandler] })
export class FollowUpGapsModule {}
