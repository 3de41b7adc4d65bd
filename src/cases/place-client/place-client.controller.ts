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
import { placeClientBody, type PlaceClientBody } from './place-client.dto.js';
import { PlaceClientCommand } from './place-client.command.js';

@ApiTags('client follow-up')
@Controller('offices/:officeNumber/cases/:caseId/placement')
export class PlaceClientController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiCommand(placeClientBody, 'Register that a client got work')
  place(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('caseId', EntityIdPipe) caseId: string,
    @Body(new ZodValidationPipe(placeClientBody)) body: PlaceClientBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new PlaceClientCommand(caseId, body, context));
  }
}
