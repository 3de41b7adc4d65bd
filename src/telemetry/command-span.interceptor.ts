import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { SpanStatusCode, context as otelContext, trace } from '@opentelemetry/api';
import type { Request } from 'express';
import { finalize, tap, type Observable } from 'rxjs';
import { DomainError } from '../shared/errors/domain-error.js';
import { tracer } from '../shared/telemetry/trace-context.js';

/**
 * One span per command request, `command RecordEmployerContact`, around everything after the
 * access check: the body's validation (pipes run inside it), the stream read, the decision and
 * the append. Nest runs `next.handle()` in the async context it was called in, so the span is the
 * active one for all of that. A refusal (4xx) is an answer, not an error of the span.
 */
@Injectable()
export class CommandSpanInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const route = `${request.baseUrl}${(request.route as { path?: string } | undefined)?.path ?? ''}`;
    const span = tracer.startSpan(`command ${context.getClass().name.replace(/Controller$/, '')}`, {
      attributes: { 'http.request.method': request.method, 'http.route': route },
    });
    return otelContext
      .with(trace.setSpan(otelContext.active(), span), () => next.handle())
      .pipe(
        tap({
          error: (error: unknown) => {
            if (error instanceof DomainError || (error instanceof HttpException && error.getStatus() < 500)) return;
            span.recordException(error instanceof Error ? error : String(error));
            span.setStatus({ code: SpanStatusCode.ERROR });
          },
        }),
        finalize(() => span.end()),
      );
  }
}
