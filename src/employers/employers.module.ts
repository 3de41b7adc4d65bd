import { Module } from '@nestjs/common';
import { CloseRecruitmentNeedController } from './close-recruitment-need/close-recruitment-need.controller.js';
import { CloseRecruitmentNeedHandler } from './close-recruitment-need/close-recruitment-need.handler.js';
import { CorrectEmployerContactController } from './correct-employer-contact/correct-employer-contact.controller.js';
import { CorrectEmployerContactHandler } from './correct-employer-contact/correct-employer-contact.handler.js';
import { CorrectRecruitmentNeedController } from './correct-recruitment-need/correct-recruitment-need.controller.js';
import { CorrectRecruitmentNeedHandler } from './correct-recruitment-need/correct-recruitment-need.handler.js';
import { EMPLOYERS_VIEWS } from './employers.views.js';
import { CloseInquiryController } from './close-inquiry/close-inquiry.controller.js';
import { CloseInquiryHandler } from './close-inquiry/close-inquiry.handler.js';
import { RegisterHomeOfficeController } from './register-home-office/register-home-office.controller.js';
import { RegisterHomeOfficeHandler } from './register-home-office/register-home-office.handler.js';
import { RegisterInquiryController } from './register-inquiry/register-inquiry.controller.js';
import { RegisterInquiryHandler } from './register-inquiry/register-inquiry.handler.js';
import { TakeInquiryController } from './take-inquiry/take-inquiry.controller.js';
import { TakeInquiryHandler } from './take-inquiry/take-inquiry.handler.js';
import { RecordEmployerContactController } from './record-employer-contact/record-employer-contact.controller.js';
import { RecordEmployerContactHandler } from './record-employer-contact/record-employer-contact.handler.js';
import { RegisterRecruitmentNeedController } from './register-recruitment-need/register-recruitment-need.controller.js';
import { RegisterRecruitmentNeedHandler } from './register-recruitment-need/register-recruitment-need.handler.js';

/** Employer outreach (markedsarbeid): contacts, home offices, inquiries and recruitment needs, and the views of them. */
@Module({
  imports: EMPLOYERS_VIEWS.map((view) => view.module),
  controllers: [
    RecordEmployerContactController,
    RegisterRecruitmentNeedController,
    CloseRecruitmentNeedController,
    RegisterHomeOfficeController,
    RegisterInquiryController,
    TakeInquiryController,
    CloseInquiryController,
    CorrectEmployerContactController,
    CorrectRecruitmentNeedController,
  ],
  providers: [
    RecordEmployerContactHandler,
    RegisterRecruitmentNeedHandler,
    CloseRecruitmentNeedHandler,
    RegisterHomeOfficeHandler,
    RegisterInquiryHandler,
    TakeInquiryHandler,
    CloseInquiryHandler,
    CorrectEmployerContactHandler,
    CorrectRecruitmentNeedHandler,
  ],
})
export class EmployersModule {}
