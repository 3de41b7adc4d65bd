import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { registerRecruitmentNeedBody, type RegisterRecruitmentNeedBody } from './register-recruitment-need.dto.js';
import { RegisterRecruitmentNeedCommand } from './register-recruitment-need.command.js';

@ApiTags('employer outreach')
@Controller('offices/:officeNumber/recruitment-needs')
export class RegisterRecruitmentNeedController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(registerRecruitmentNeedBody, "Register an employer's recruitment need")
  register(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Body(new ZodValidationPipe(registerRecruitmentNeedBody)) body: RegisterRecruitmentNeedBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new RegisterRecruitmentNeedCommand(body, context));
  }
}
