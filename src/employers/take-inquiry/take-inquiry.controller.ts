import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { EntityIdPipe } from '../../shared/http/entity-id.pipe.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { TakeInquiryCommand } from './take-inquiry.command.js';
import { takeInquiryBody, type TakeInquiryBody } from './take-inquiry.dto.js';

@ApiTags('employer inquiries')
@Controller('offices/:officeNumber/inquiries/:inquiryId/take')
export class TakeInquiryController {
  constructor(private readonly gateway: CommandGateway) {}

  /** The advisor sending this becomes responsible for the inquiry. */
  @Post()
  @ApiCommand(takeInquiryBody, 'Take responsibility for an inquiry')
  take(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('inquiryId', EntityIdPipe) inquiryId: string,
    @Body(new ZodValidationPipe(takeInquiryBody)) body: TakeInquiryBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new TakeInquiryCommand(inquiryId, body, context));
  }
}
