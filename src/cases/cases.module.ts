import { Module } from '@nestjs/common';
import { CASES_VIEWS } from './cases.views.js';
import { ClientPseudonymiser } from './client-pseudonymiser.js';
import { CorrectCaseStepController } from './correct-case-step/correct-case-step.controller.js';
import { CorrectCaseStepHandler } from './correct-case-step/correct-case-step.handler.js';
import { EnrolClientController } from './enrol-client/enrol-client.controller.js';
import { EnrolClientHandler } from './enrol-client/enrol-client.handler.js';
import { ExitClientController } from './exit-client/exit-client.controller.js';
import { ExitClientHandler } from './exit-client/exit-client.handler.js';
import { PlaceClientController } from './place-client/place-client.controller.js';
import { PlaceClientHandler } from './place-client/place-client.handler.js';
import { RecordFollowUpController } from './record-follow-up/record-follow-up.controller.js';
import { RecordFollowUpHandler } from './record-follow-up/record-follow-up.handler.js';
import { TransferCaseController } from './transfer-case/transfer-case.controller.js';
import { TransferCaseHandler } from './transfer-case/transfer-case.handler.js';

/** Client follow-up (oppfølging): enrolment in a measure, follow-ups, placement, exit, transfer, and the views of them. */
@Module({
  imports: CASES_VIEWS.map((view) => view.module),
  controllers: [
    EnrolClientController,
    RecordFollowUpController,
    PlaceClientController,
    ExitClientController,
    TransferCaseController,
    CorrectCaseStepController,
  ],
  providers: [
    ClientPseudonymiser,
    EnrolClientHandler,
    RecordFollowUpHandler,
    PlaceClientHandler,
    ExitClientHandler,
    TransferCaseHandler,
    CorrectCaseStepHandler,
  ],
})
export class CasesModule {}
