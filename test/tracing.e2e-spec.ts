import { ProjectionEngine } from '@app/projections';
import { startTelemetry, type Telemetry } from '../src/telemetry/start-telemetry.js';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, ORG, recently } from './fixtures.js';
import { attributeOf, OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

/**
 * Traces as a collector receives them over OTLP/HTTP: a command's span with its stream read and
 * append inside it, and the projection batch that folded its event, in a trace of its own, linked
 * to it. (The http and pg instrumentations hook modules as Node loads them, which Jest's module
 * system does not go through; the spans here are the app's own. telemetry-start.e2e-spec.ts has those.)
 */
describe('tracing over OTLP/HTTP', () => {
  let receiver: OtlpReceiver;
  let telemetry: Telemetry;
  let running: RunningApp;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    telemetry = (await startTelemetry(receiver.url, { instrument: false }))!;
    running = await startApp();
  });
  afterAll(async () => {
    await running.close();
    await telemetry.shutdown();
    await receiver.close();
  });

  const received = async <T>(what: string, find: (spans: ReceivedSpan[]) => T | undefined): Promise<T> => {
    const until = Date.now() + 15_000;
    for (;;) {
      await telemetry.flush();
      const found = find(receiver.spans);
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`no ${what} among ${receiver.spans.map((s) => s.name).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  // Only a UUID or ULID is taken as a correlation id (docs/api.md).
  const CORRELATION_ID = '0b6f1c1e-5d0a-4f4e-9c38-6a1f2d3e4b5c';

  it("exports a command's span and links the projection batch that folds its event to it", async () => {
    const token = await running.tokenFor(advisor('0314'));
    const accepted = await running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set({ authorization: `Bearer ${token}`, 'x-correlation-id': CORRELATION_ID })
      .send({ orgNumber: ORG.builder, channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: recently(30) })
      .expect(201);
    expect(await running.app.get(ProjectionEngine).waitForPosition('engagement', accepted.body.position)).toBe(true);

    const command = await received('command span', (spans) =>
      spans.find((s) => s.name === 'command RecordEmployerContact' && attributeOf(s, 'correlation.id') === CORRELATION_ID),
    );
    expect(attributeOf(command, 'http.route')).toBe('/api/v1/offices/:officeNumber/employer-contacts');
    // The read of its streams (one call for the employer's and the home stream) and the append happen inside
    // the command's span. A first contact with an employer also makes this office its home office: one
    // atomic append to the two streams.
    const children = receiver.spans.filter((s) => s.parentSpanId === command.spanId).map((s) => s.name);
    expect(children).toEqual(expect.arrayContaining(['event_store.read_streams', 'event_store.append_to_streams']));

    const batch = await received('projection batch linked to the command', (spans) =>
      spans.find((s) => s.name === 'projection batch engagement' && s.links?.some((l) => l.spanId === command.spanId)),
    );
    const link = batch.links!.find((l) => l.spanId === command.spanId)!;
    expect(link.traceId).toBe(command.traceId);
    expect(attributeOf(link, 'correlation.id')).toBe(CORRELATION_ID);
    // The link names the command's first event in the batch: the home office set just before the contact.
    expect(attributeOf(link, 'event.position')).toBe(accepted.body.position - 1);
    // A trace of its own: the batch runs later, on whichever instance holds the view.
    expect(batch.traceId).not.toBe(command.traceId);
    expect(attributeOf(batch, 'projection.track')).toBe('live');
  });
});
