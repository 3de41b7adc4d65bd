import { register } from 'node:module';

export interface Telemetry {
  /** Sends the spans ended so far. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** Probes and scrapes come every few seconds and tell nothing about the work. */
const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * Starts OpenTelemetry tracing when an OTLP endpoint is configured; without one nothing is loaded
 * and every span in the app is a no-op. Spans go to `<endpoint>/v1/traces` as OTLP/HTTP JSON.
 *
 * `instrument` adds the HTTP and PostgreSQL (pg) instrumentations. They patch modules as they
 * load, so this must run before the app's modules are imported (`main.ts` imports them after it);
 * for ES modules that takes the import-in-the-middle loader hook, registered here.
 */
export async function startTelemetry(otlpEndpoint: string | undefined, { instrument = true } = {}): Promise<Telemetry | undefined> {
  if (!otlpEndpoint) return undefined;
  if (instrument) register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeSDK, tracing }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
  ]);
  const processor = new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }));
  const instrumentations = instrument
    ? [
        new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => QUIET_PATHS.has((request.url ?? '').split('?')[0]!) }),
        // Only queries inside a span (a request, a command, a projection batch): not every background poll.
        new PgInstrumentation({ requireParentSpan: true }),
      ]
    : [];
  const sdk = new NodeSDK({ serviceName: 'employer-contact-tracker', spanProcessors: [processor], instrumentations });
  sdk.start();
  return { flush: () => processor.forceFlush(), shutdown: () => sdk.shutdown() };
}
