import { Module } from '@nestjs/common';
import { CloseRecruitmentNeedController } from './close-recruitment-need/close-recruitment-need.controller.js';
import { CloseRecruitmentNeedHandler } from './close-recruitment-need/close-recruitment-need.handler.js';
import { CorrectEmployerContactController } from './correct-employer-contact/correct-employer-contact.controller.js';
import { CorrectEmployerContactHandler } from './correct-employer-contact/correct-employer-contact.handler.js';
import { CorrectRecruitmentNeedController } from './correct-recruitment-need/correct-recruitment-need.controller.js';
import { CorrectRecruitmentNeedHandler } from './correct-recruitment-need/correct-recruitment-need.handler.js';
import { EMPLOYERS_VIEWS } from './employers.views.js';
import { RecordEmployerContactController } from './record-employer-contact/record-employer-contact.controller.js';
import { RecordEmployerContactHandler } from './record-employer-contact/record-employer-contact.handler.js';
import { RegisterRecruitmentNeedController } from './register-recruitment-need/register-recruitment-need.controller.js';
import { RegisterRecruitmentNeedHandler } from './register-recruitment-need/register-recruitment-need.handler.js';

/** Employer outreach (markedsarbeid): contacts and recruitment needs, and the views of them. */
@Module({
  imports: EMPLOYERS_VIEWS.map((view) => view.module),
  controllers: [
    RecordEmployerContactController,
    RegisterRecruitmentNeedController,
    CloseRecruitmentNeedController,
    CorrectEmployerContactController,
    CorrectRecruitmentNeedController,
  ],
  providers: [
    RecordEmployerContactHandler,
    RegisterRecruitmentNeedHandler,
    CloseRecruitmentNeedHandler,
    CorrectEmployerContactHandler,
    CorrectRecruitmentNeedHandler,
  ],
})
export class EmployersModule {}
