import { Module } from '@nestjs/common';
import { EmployerRelationshipsController } from './employer-relationships.controller.js';
import { GetEmployerRelationshipsHandler } from './get-employer-relationships.query.js';
/** The employer relationships view's route and query handler. */
@Module({ controllers: [EmployerRelationshipsController], providers: [GetEmployerRelationshipsHandler] })
export class EmployerRelationshipsModule {}
