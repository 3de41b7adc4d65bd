import { Module } from '@nestjs/common';
import { GetOfficesHandler } from './get-offices.query.js';
import { OfficeComparer } from './office-comparer.js';
import { OfficesController } from './offices.controller.js';

/** Offices side by side: reads the employers' and cases' views through what those areas export. */
@Module({
  controllers: [OfficesController],
  providers: [GetOfficesHandler, { provide: OfficeComparer, useFactory: () => new OfficeComparer() }],
})
export class OfficesModule {}
