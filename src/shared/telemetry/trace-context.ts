import { context, propagation, trace } from '@opentelemetry/api';

export const tracer = trace.getTracer('employer-contact-tracker');

/**
 * The current span as W3C trace context (`traceparent`, `tracestate`), for an event's metadata:
 * the projection batch that folds the event links its span to it (libs/projections batch-span.ts).
 * Empty when tracing is off.
 */
export function traceContextMetadata(): { traceparent?: string; tracestate?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return {};
  return { traceparent: carrier.traceparent, ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}) };
}

/** Runs `work` in a child span of the current one, ending it however `work` ends. */
export function inSpan<T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      throw error;
    } finally {
      span.end();
    }
  });
}

export const activeSpan = () => trace.getSpan(context.active());
