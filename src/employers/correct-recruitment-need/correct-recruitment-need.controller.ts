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
import { correctRecruitmentNeedBody, type CorrectRecruitmentNeedBody } from './correct-recruitment-need.dto.js';
import { CorrectRecruitmentNeedCommand } from './correct-recruitment-need.command.js';

@ApiTags('employer outreach')
@Controller('offices/:officeNumber/recruitment-needs/:needId/correction')
export class CorrectRecruitmentNeedController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(correctRecruitmentNeedBody, 'Correct a recruitment need registered in error')
  correct(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('needId', EntityIdPipe) needId: string,
    @Body(new ZodValidationPipe(correctRecruitmentNeedBody)) body: CorrectRecruitmentNeedBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new CorrectRecruitmentNeedCommand(needId, body, context));
  }
}
