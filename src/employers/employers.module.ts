import { Module } from '@nestjs/common';
import { CloseRecruitmentNeedController } from './close-recruitment-need/close-recruitment-need.controller.js';
import { CloseRecruitmentNeedHandler } from './close-recruitment-need/close-recruitment-need.handler.js';
import { EMPLOYERS_VIEWS } from './employers.views.js';
import { RecordEmployerContactController } from './record-employer-contact/record-employer-contact.controller.js';
import { RecordEmployerContactHandler } from './record-employer-contact/record-employer-contact.handler.js';
import { RegisterRecruitmentNeedController } from './register-recruitment-need/register-recruitment-need.controller.js';
import { RegisterRecruitmentNeedHandler } from './register-recruitment-need/register-recruitment-need.handler.js';

/** Employer outreach (markedsarbeid): contacts and recruitment needs, and the views of them. */
@Module({
  imports: EMPLOYERS_VIEWS.map((view) => view.module),
  controllers: [RecordEmployerContactController, RegisterRecruitmentNeedController, CloseRecruitmentNeedController],
  providers: [RecordEmployerContactHandler, RegisterRecruitmentNeedHandler, CloseRecruitmentNeedHandler],
})
export class EmployersModule {}
