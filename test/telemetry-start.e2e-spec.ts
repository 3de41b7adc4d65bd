import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from '@app/database';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { OtlpReceiver, type ReceivedSpan } from './otlp-receiver.js';

/**
 * The service as `npm start` runs it (`node dist/src/main.js`, ES modules, no `--import` flag) with
 * OTEL_EXPORTER_OTLP_ENDPOINT set: the HTTP and pg instrumentations hook their modules, because
 * main.ts starts tracing before it imports the app. Jest loads modules its own way, past any
 * instrumentation, so this needs a real process.
 */
const HTTP = '@opentelemetry/instrumentation-http';
const PG = '@opentelemetry/instrumentation-pg';

describe('tracing in the started service', () => {
  const outDir = join('dist', `telemetry-e2e-${process.pid}`);
  let db: TestDatabase;
  let receiver: OtlpReceiver;
  let service: ChildProcess;
  let base: string;
  let output = '';

  beforeAll(async () => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], { stdio: 'pipe' });
    // As `npm run build` does: node's loader needs the libraries' aliases as relative paths.
    execFileSync(process.execPath, ['node_modules/tsc-alias/dist/bin/index.js', '-p', 'tsconfig.build.json', '--outDir', outDir], { stdio: 'pipe' });
    [db, receiver] = await Promise.all([createTestDatabase('telemetry'), OtlpReceiver.start()]);
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}`;
    service = spawn(process.execPath, [join(outDir, 'src', 'main.js')], {
      env: {
        PATH: process.env.PATH, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'warn', DATA_DIR: join(outDir, '.data'),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    service.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    service.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually('the service to answer', async () => (await fetch(`${base}/health/live`).catch(() => undefined))?.ok === true);
  }, 180_000);
  afterAll(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((resolve) => service.once('exit', resolve));
      service.kill('SIGTERM');
      await exited;
    }
    await receiver?.close();
    await db?.drop();
    rmSync(outDir, { recursive: true, force: true });
  });

  const eventually = async (what: string, check: () => Promise<boolean>) => {
    const until = Date.now() + 60_000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the service wrote: ${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('exports HTTP server spans and PostgreSQL spans, with the command span between them', async () => {
    const post = (path: string, body: object, token?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const issued = await post('/api/v1/dev/token', { navIdent: 'Z123456', roles: ['advisor'], offices: ['0314'] });
    const { token } = (await issued.json()) as { token: string };
    const contact = { orgNumber: '974760673', channel: 'VISIT', theme: 'RECRUITMENT', occurredAt: new Date().toISOString() };
    expect((await post('/api/v1/offices/0314/employer-contacts', contact, token)).status).toBe(201);

    let server: ReceivedSpan | undefined;
    let command: ReceivedSpan | undefined;
    await eventually('the http, command and pg spans', async () => {
      const { spans } = receiver;
      const isCommand = (s: ReceivedSpan) => s.name === 'command RecordEmployerContact';
      server = spans.find(
        (s) => s.scope === HTTP && !s.parentSpanId && spans.some((c) => isCommand(c) && c.parentSpanId === s.spanId),
      );
      command = spans.find((s) => isCommand(s) && s.parentSpanId === server?.spanId);
      const append = spans.find((s) => s.name === 'event_store.append' && s.parentSpanId === command?.spanId);
      return append !== undefined && spans.some((s) => s.scope === PG && s.parentSpanId === append.spanId);
    });
    expect(command!.traceId).toBe(server!.traceId);
    // Probes and scrapes make no spans.
    await fetch(`${base}/health/ready`);
    expect(receiver.spans.some((s) => s.name.includes('/health'))).toBe(false);
  }, 90_000);
});
