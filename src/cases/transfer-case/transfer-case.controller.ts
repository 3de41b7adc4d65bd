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
import { transferCaseBody, type TransferCaseBody } from './transfer-case.dto.js';
import { TransferCaseCommand } from './transfer-case.command.js';

@ApiTags('client follow-up')
@Controller('offices/:officeNumber/cases/:caseId/transfer')
export class TransferCaseController {
  constructor(private readonly gateway: CommandGateway) {}

  /** Answers with the case as it continues at the receiving office (`id` = its new case id). */
  @Post()
  @ApiCommand(transferCaseBody, 'Hand a case over to another office')
  transfer(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('caseId', EntityIdPipe) caseId: string,
    @Body(new ZodValidationPipe(transferCaseBody)) body: TransferCaseBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new TransferCaseCommand(caseId, body, context));
  }
}
