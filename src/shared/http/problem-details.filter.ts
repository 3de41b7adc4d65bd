import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES as TEXT_OF_HTTP_STATUS } from 'node:http';
import { isDatabaseUnavailable } from '@app/database';
import { InvalidPosition, WrongExpectedRevision } from '@app/event-store';
import { DomainError, type DomainErrorKind } from '../errors/domain-error.js';
import { ValidationFailed } from '../errors/validation-failed.error.js';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details.js';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  unavailable: 503,
};

const CODE_OF_HTTP_STATUS: Record<number, string> = {
  400: 'REQUEST.MALFORMED',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  503: 'SERVICE.UNAVAILABLE',
};

/** The one place errors become HTTP answers: always problem+json, never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const body = this.toProblem(exception, http.getRequest<Request>());
    if (body.status === 503) response.setHeader('Retry-After', '1');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    if (exception instanceof ValidationFailed) return problem(400, exception.code, exception.message, exception.violations);
    if (exception instanceof DomainError) {
      const errors = exception.path ? [{ path: exception.path, message: exception.message }] : undefined;
      return problem(STATUS_OF_KIND[exception.kind], exception.code, exception.message, errors);
    }
    if (exception instanceof InvalidPosition) {
      // A cursor (`after`) the log never handed out, or one of another event store.
      return problem(400, 'VALIDATION.FAILED', '1 problem with the input', [{ path: 'after', message: exception.message }]);
    }
    if (exception instanceof WrongExpectedRevision) {
      // The command layer turns this into RevisionMismatch; should one slip through, the contract still holds.
      if (request.header('if-match') !== undefined) {
        return problem(412, 'REVISION.MISMATCH', 'The record is no longer at the revision given in If-Match');
      }
      return problem(409, 'STREAM.CONCURRENT_WRITE', 'Others kept changing the same record; try again');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) this.logger.error(exception);
      return problem(status, CODE_OF_HTTP_STATUS[status] ?? `HTTP.${status}`, detailOf(exception, status));
    }
    // The express adapter wraps body-parser errors as HttpExceptions; should one come unwrapped, still no 500.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(
        status,
        CODE_OF_HTTP_STATUS[status] ?? `HTTP.${status}`,
        status === 400 ? 'The body is not valid JSON' : 'Bad request',
      );
    }
    if (isDatabaseUnavailable(exception)) {
      // Not a bug of ours: clients and load balancers should come back (Retry-After), not give up.
      this.logger.warn(`database not reachable: ${exception instanceof Error ? exception.message : String(exception)}`);
      return problem(503, 'SERVICE.UNAVAILABLE', 'The database cannot be reached just now; try again shortly');
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return problem(500, 'INTERNAL', 'Something went wrong on our side; it has been logged');
  }
}

const detailOf = (exception: HttpException, status: number): string => {
  // Nest wraps body-parser and router errors (cause set); their messages quote the request,
  // e.g. V8's `Unexpected token 'x', "{"personId": x1309…" is not valid JSON`.
  if (exception.cause instanceof SyntaxError) return 'The body is not valid JSON';
  if (exception.cause instanceof URIError) return 'The path is not validly percent-encoded';
  if (exception.cause !== undefined && !(exception.cause instanceof HttpException)) return TEXT_OF_HTTP_STATUS[status] ?? 'Bad request';
  const response = exception.getResponse();
  if (status === 404 && typeof response === 'object') return 'No such resource';
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return typeof message === 'string' ? message : exception.message;
};
