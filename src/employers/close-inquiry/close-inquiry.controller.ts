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
import { CloseInquiryCommand } from './close-inquiry.command.js';
import { closeInquiryBody, type CloseInquiryBody } from './close-inquiry.dto.js';

@ApiTags('employer inquiries')
@Controller('offices/:officeNumber/inquiries/:inquiryId/close')
export class CloseInquiryController {
  constructor(private readonly gateway: CommandGateway) {}

  /** Closes the inquiry with a reason (answered or not); a closing also ends its deadline clock. */
  @Post()
  @ApiCommand(closeInquiryBody, 'Close an employer inquiry')
  close(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Param('inquiryId', EntityIdPipe) inquiryId: string,
    @Body(new ZodValidationPipe(closeInquiryBody)) body: CloseInquiryBody,
  ) {
    return this.gateway.send(request, caller, officeNumber, body, (context) => new CloseInquiryCommand(inquiryId, body, context));
  }
}
