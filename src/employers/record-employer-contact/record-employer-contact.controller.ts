import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { recordEmployerContactBody, type RecordEmployerContactBody } from './record-employer-contact.dto.js';
import { RecordEmployerContactCommand } from './record-employer-contact.command.js';

@ApiTags('employer outreach')
@Controller('offices/:officeNumber/employer-contacts')
export class RecordEmployerContactController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(recordEmployerContactBody, 'Record a contact with an employer')
  record(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Body(new ZodValidationPipe(recordEmployerContactBody)) body: RecordEmployerContactBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new RecordEmployerContactCommand(body, context));
  }
}
