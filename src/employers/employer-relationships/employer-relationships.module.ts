import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller.js';
import { GetEmployersHandler } from './get-employers.query.js';
/** The employer relationships view's route and query handler. */
@Module({ controllers: [EmployersController], providers: [GetEmployersHandler] })
export class EmployerRelationshipsModule {}
