import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { RegisterInquiryCommand } from './register-inquiry.command.js';
import { registerInquiryBody, type RegisterInquiryBody } from './register-inquiry.dto.js';

@ApiTags('employer inquiries')
@Controller('offices/:officeNumber/inquiries')
export class RegisterInquiryController {
  constructor(private readonly gateway: CommandGateway) {}

  /** An employer's inquiry reached the office: due two Norwegian working days after `receivedAt`. */
  @Post()
  @ApiCommand(registerInquiryBody, 'Register an inquiry from an employer')
  register(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Body(new ZodValidationPipe(registerInquiryBody)) body: RegisterInquiryBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new RegisterInquiryCommand(body, context));
  }
}
