import { Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { Request } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { isAcceptableCorrelationId, newCorrelationId } from '../http/correlation-id.js';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import { CommandAdmission } from './command-admission.js';
import type { CommandAccepted, CommandContext } from './command-context.js';
import { retryableCommandId } from './command-ids.js';
import { IdempotencyService } from './idempotency.service.js';
import { activeSpan } from '../telemetry/trace-context.js';

/** Who sends the command: all the gateway needs of the authenticated caller (auth's `Caller` fits). */
export interface CommandSender {
  navIdent: string;
}

/**
 * What every command route does around its use case: build the context (who, when, which
 * correlation, If-Match), and, if `CommandAdmission` lets it in, honour Idempotency-Key and send the
 * command over the CommandBus.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly idempotency: IdempotencyService,
    private readonly admission: CommandAdmission,
  ) {}

  async send(
    request: Request,
    caller: CommandSender,
    officeNumber: string,
    body: unknown,
    commandFor: (context: CommandContext) => Command<CommandAccepted>,
  ): Promise<CommandAccepted> {
    const key = request.header('idempotency-key');
    if (key !== undefined && (key.trim() === '' || key.length > 200)) {
      throw new ValidationFailed([{ path: 'Idempotency-Key', message: 'must be 1–200 characters' }]);
    }
    const context = contextOf(request, caller, officeNumber, key);
    // The correlation id finds the command's span; it names no person (ids are never span attributes).
    activeSpan()?.setAttribute('correlation.id', context.correlationId);
    const run = () => this.commandBus.execute(commandFor(context));
    if (key === undefined) return this.admission.admit(run);
    const fingerprint = { method: request.method, path: request.path, ifMatch: context.expectedRevision ?? null, body };
    return this.admission.admit(() => this.idempotency.runOnce({ scope: caller.navIdent, key, fingerprint }, run));
  }
}

function contextOf(request: Request, caller: CommandSender, officeNumber: string, key: string | undefined): CommandContext {
  const route = `${request.method} ${request.path}`;
  const commandId = key === undefined ? uuidv7() : retryableCommandId(caller.navIdent, officeNumber, route, key);
  return {
    actor: caller.navIdent,
    officeNumber,
    commandId,
    retryable: key !== undefined,
    correlationId: correlationIdOf(request),
    causationId: commandId,
    now: new Date().toISOString(),
    expectedRevision: expectedRevisionOf(request.header('if-match')),
  };
}

/** `correlationIdMiddleware` has settled it (a UUID or ULID, or one it made); the check stays as a backstop. */
const correlationIdOf = (request: Request): string => {
  const given = request.header('x-correlation-id');
  return given && isAcceptableCorrelationId(given) ? given : newCorrelationId();
};

/** `If-Match: "3"` (an ETag of the stream revision) or `If-Match: 3`. */
function expectedRevisionOf(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const revision = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header)?.[1];
  if (revision === undefined) {
    throw new ValidationFailed([{ path: 'If-Match', message: 'must be a stream revision, e.g. "3"' }]);
  }
  return Number(revision);
}
