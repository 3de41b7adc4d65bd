import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { RegisterHomeOfficeCommand } from './register-home-office.command.js';
import { registerHomeOfficeBody, registerHomeOfficeParams, type RegisterHomeOfficeParams } from './register-home-office.dto.js';

@ApiTags('employer outreach')
@Controller('offices/:officeNumber/employers/:orgNumber/home-office')
export class RegisterHomeOfficeController {
  constructor(private readonly gateway: CommandGateway) {}

  /** This office becomes the employer's home office (by default the first office that contacted it). */
  @Post()
  @ApiCommand(registerHomeOfficeBody, "Make this office the employer's home office")
  register(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(registerHomeOfficeParams)) params: RegisterHomeOfficeParams,
    @Body(new ZodValidationPipe(registerHomeOfficeBody)) body: Record<string, never>,
  ) {
    const { officeNumber, orgNumber } = params;
    return this.gateway.send(request, caller, officeNumber, body, (context) => new RegisterHomeOfficeCommand(orgNumber, context));
  }
}
