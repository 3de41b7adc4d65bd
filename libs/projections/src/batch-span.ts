import { ROOT_CONTEXT, SpanStatusCode, propagation, trace, type Link } from '@opentelemetry/api';
import type { RecordedEvent } from '@app/event-store';
import type { Track } from './progress.js';

const tracer = trace.getTracer('projections');

/** OpenTelemetry's default limit of links per span. */
const MAX_LINKS = 128;

/**
 * Runs one batch's commit in a span of its own. The batch is its own trace (it runs long after
 * the commands that wrote its events, on whichever instance holds the job), linked to the span of
 * each command whose event it folds: the command put its W3C `traceparent` into the event's
 * metadata when it appended. Without an OpenTelemetry SDK every call here is a no-op.
 */
export function inBatchSpan<T>(projection: string, track: Track, events: readonly RecordedEvent[], work: () => Promise<T>): Promise<T> {
  const attributes = {
    'projection.name': projection,
    'projection.track': track,
    'projection.batch.events': events.length,
    'projection.batch.first_position': events[0]?.position ?? 0,
    'projection.batch.last_position': events.at(-1)?.position ?? 0,
  };
  return tracer.startActiveSpan(`projection batch ${projection}`, { root: true, links: linksOf(events), attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

function linksOf(events: readonly RecordedEvent[]): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const metadata = event.metadata as { traceparent?: unknown; tracestate?: unknown; correlationId?: unknown };
    if (typeof metadata.traceparent !== 'string' || seen.has(metadata.traceparent)) continue;
    seen.add(metadata.traceparent);
    const tracestate = typeof metadata.tracestate === 'string' ? { tracestate: metadata.tracestate } : {};
    const carrier = { traceparent: metadata.traceparent, ...tracestate };
    const context = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));
    if (!context) continue;
    const correlation = typeof metadata.correlationId === 'string' ? { 'correlation.id': metadata.correlationId } : {};
    links.push({ context, attributes: { 'event.position': event.position, ...correlation } });
    if (links.length >= MAX_LINKS) break;
  }
  return links;
}
