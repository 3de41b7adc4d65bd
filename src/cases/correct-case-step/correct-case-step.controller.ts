import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import { EntityIdPipe } from '../../shared/http/entity-id.pipe.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { correctCaseStepBody, type CorrectCaseStepBody } from './correct-case-step.dto.js';
import { CorrectCaseStepCommand } from './correct-case-step.command.js';

@ApiTags('client follow-up')
@Controller('offices/:officeNumber/cases/:caseId/corrections')
export class CorrectCaseStepController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(correctCaseStepBody, 'Correct a step of a case registered in error')
  correct(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('caseId', EntityIdPipe) caseId: string,
    @Body(new ZodValidationPipe(correctCaseStepBody)) body: CorrectCaseStepBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new CorrectCaseStepCommand(caseId, body, context));
  }
}
