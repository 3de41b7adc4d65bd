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
import { closeRecruitmentNeedBody, type CloseRecruitmentNeedBody } from './close-recruitment-need.dto.js';
import { CloseRecruitmentNeedCommand } from './close-recruitment-need.command.js';

@ApiTags('employer outreach')
@Controller('offices/:officeNumber/recruitment-needs/:needId/close')
export class CloseRecruitmentNeedController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(closeRecruitmentNeedBody, 'Close a recruitment need (filled or cancelled)')
  close(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('needId', EntityIdPipe) needId: string,
    @Body(new ZodValidationPipe(closeRecruitmentNeedBody)) body: CloseRecruitmentNeedBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new CloseRecruitmentNeedCommand(needId, body, context));
  }
}
