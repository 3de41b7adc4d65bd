import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_DECISION_LISTENER, type AccessDecision, type AccessDecisionListener } from './access-decision.js';
import { ACCESS_RULE, PUBLIC_ROUTE, type AccessRule } from './access.decorator.js';
import { refusalOf } from './access-refusal.js';
import { AuthMetrics } from './auth-metrics.js';
import { AuthUnavailable } from './auth-unavailable.error.js';
import { CLIENT_LEVEL } from './client-level.decorator.js';
import { RateLimitedLog } from './rate-limited-log.js';
import type { Caller } from './caller.js';
import { TOKEN_VERIFIER } from './auth.tokens.js';
import type { TokenVerifier } from './token-verifier.js';
import { isOfficeNumber } from '../shared/values/office-number.js';

export type AuthenticatedRequest = Request & { caller?: Caller };

/**
 * Every route is closed unless it says who may call it (default deny). Each decision goes to the
 * listener; a refusal before anyone was identified (401) also goes to metrics and a rate-limited
 * log line, since anyone can cause those at any rate.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly unidentifiedLog = new RateLimitedLog('AccessGuard');
  private readonly unavailableLog = new RateLimitedLog('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(ACCESS_DECISION_LISTENER) private readonly listener: AccessDecisionListener,
    private readonly metrics: AuthMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Anything but four digits is no office (and could be a personal id number typed in the wrong place).
    const param = request.params?.officeNumber;
    const officeNumber = typeof param === 'string' && isOfficeNumber(param) ? param : undefined;
    const clientLevel = this.reflector.getAllAndOverride<boolean>(CLIENT_LEVEL, targets) ?? false;
    const decide = async (allowed: boolean, reason: string, caller?: Caller) => {
      const decision: AccessDecision = {
        allowed,
        navIdent: caller?.navIdent,
        roles: caller?.roles ?? [],
        officeNumber,
        method: request.method,
        // The pattern only: a raw path or query string can hold ids.
        route: typeof request.route?.path === 'string' ? request.route.path : '(unknown route)',
        clientLevel,
        reason,
        correlationId: request.header('x-correlation-id') ?? undefined,
      };
      await this.listener.onDecision(decision);
    };

    const token = /^Bearer (.+)$/i.exec(request.header('authorization') ?? '')?.[1];
    const unidentified = async (reason: 'no_token' | 'invalid_token', detail: string) => {
      this.metrics.unauthenticated.inc({ reason });
      this.unidentifiedLog.warn(`refused a request without a verifiable identity: ${detail}`);
      await decide(false, detail);
    };
    if (!token) {
      await unidentified('no_token', 'no bearer token');
      throw new UnauthorizedException('A bearer token is required');
    }
    let caller: Caller;
    try {
      caller = await this.verifier.verify(token);
    } catch (error) {
      // Fail closed, and say so: the caller may be fine, the directory did not answer (503).
      if (error instanceof AuthUnavailable) {
        this.unavailableLog.warn(`could not settle a caller's access: ${error.message}`);
        throw error;
      }
      await unidentified('invalid_token', `invalid token: ${(error as Error).message}`);
      throw new UnauthorizedException('The bearer token is not valid');
    }
    const refusal = refusalOf(rule, caller, officeNumber);
    if (refusal) {
      await decide(false, refusal, caller);
      throw new ForbiddenException(refusal);
    }
    request.caller = caller;
    await decide(true, 'allowed', caller);
    return true;
  }
}
