import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Caller } from '../../auth/caller.js';
import { CurrentCaller } from '../../auth/current-caller.decorator.js';
import { CommandGateway } from '../../shared/commands/command-gateway.js';
import { ApiCommand } from '../../auth/api-command.decorator.js';
import { OfficeNumberPipe } from '../../shared/http/office-number.pipe.js';
import { ZodValidationPipe } from '../../shared/http/zod-validation.pipe.js';
import { SubjectDirectory } from '../../shared/clients/subject-directory.js';
import { ClientPseudonymiser } from '../client-pseudonymiser.js';
import { enrolClientBody, type EnrolClientBody, type EnrolClientInput } from './enrol-client.dto.js';
import { EnrolClientCommand } from './enrol-client.command.js';

@ApiTags('client follow-up')
@Controller('offices/:officeNumber/cases')
export class EnrolClientController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly pseudonymiser: ClientPseudonymiser,
    private readonly subjects: SubjectDirectory,
  ) {}

  @Post()
  @ApiCommand(enrolClientBody, 'Enrol a client in follow-up')
  async enrol(
    @Req() request: Request,
    @CurrentCaller() caller: Caller,
    @Param('officeNumber', OfficeNumberPipe) officeNumber: string,
    @Body(new ZodValidationPipe(enrolClientBody)) body: EnrolClientBody,
  ) {
    // The personal id number stops here, and the pseudonym too: the command, its events and even the
    // idempotency fingerprint see only the random subject id, which an erasure unlinks.
    const { personId, clientRef, ...rest } = body;
    const subjectId = await this.subjects.subjectFor(personId ? this.pseudonymiser.clientRefOf(personId) : clientRef!);
    const input: EnrolClientInput = { ...rest, subjectId };
    return this.gateway.send(request, caller, officeNumber, input, (context) => new EnrolClientCommand(input, context));
  }
}
