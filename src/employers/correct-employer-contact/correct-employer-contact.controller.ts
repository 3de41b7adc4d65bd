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
import { correctEmployerContactBody, type CorrectEmployerContactBody } from './correct-employer-contact.dto.js';
import { CorrectEmployerContactCommand } from './correct-employer-contact.command.js';

@ApiTags('employer outreach')
@Controller('offices/:officeNumber/employer-contacts/:contactId/correction')
export class CorrectEmployerContactController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(correctEmployerContactBody, 'Correct an employer contact registered in error')
  correct(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('contactId', EntityIdPipe) contactId: string,
    @Body(new ZodValidationPipe(correctEmployerContactBody)) body: CorrectEmployerContactBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new CorrectEmployerContactCommand(contactId, body, context));
  }
}
