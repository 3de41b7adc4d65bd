import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as OTLP/HTTP JSON carries it (ids in hex). */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** The instrumentation scope that made it, e.g. `@opentelemetry/instrumentation-pg`. */
  scope?: string;
  attributes?: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
  links?: { traceId: string; spanId: string; attributes?: ReceivedSpan['attributes'] }[];
}

/** A collector stand-in on loopback: takes `POST /v1/traces` in OTLP JSON and keeps the spans. */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    const server = createServer();
    const receiver = new OtlpReceiver(server);
    server.on('request', (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces' && request.headers['content-type']?.includes('json')) {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as {
            resourceSpans?: { scopeSpans?: { scope?: { name?: string }; spans?: ReceivedSpan[] }[] }[];
          };
          for (const resource of body.resourceSpans ?? []) {
            for (const { scope, spans = [] } of resource.scopeSpans ?? []) {
              receiver.spans.push(...spans.map((span) => ({ ...span, scope: scope?.name })));
            }
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export const attributeOf = (span: ReceivedSpan | { attributes?: ReceivedSpan['attributes'] }, key: string) => {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};
