import { DataSource } from 'typeorm';
import { startApp, type RunningApp } from './app-harness.js';

describe('the running service', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running.close();
  });

  it('reports the database and the event store up on GET /health, without a token', async () => {
    const response = await running.http.get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', eventStore: 'up' });
  });

  it('serves its OpenAPI document at /docs-json and the browsable one at /docs', async () => {
    const response = await running.http.get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/api/v1/dev/token');
    expect(Object.keys(response.body.paths)).toContain('/health');
    const page = await running.http.get('/docs').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await running.http.get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
  });

  it('keeps health outside the /api/v1 prefix', async () => {
    await running.http.get('/api/v1/health').expect(404);
  });

  it('counts and times requests by route pattern and status on GET /metrics, without a token', async () => {
    await running.http.get('/health').expect(200);
    await running.http.get('/api/v1/nothing-here/42').expect(404);
    await running.http.get('/nothing-here').expect(404);
    await running.http.post('/api/v1/offices/0314/employer-contacts').send({}).expect(401);
    const response = await running.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    // prom-client's process and Node figures.
    expect(response.text).toMatch(/^process_start_time_seconds \d/m);
    expect(response.text).toMatch(/^process_resident_memory_bytes \d/m);
    expect(response.text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(response.text).toMatch(/^http_requests_total\{method="GET",route="\/health",status="200"\} [1-9]/m);
    expect(response.text).toMatch(/^http_requests_total\{method="GET",route="unmatched",status="404"\} [1-9]/m);
    expect(response.text).toMatch(
      /^http_requests_total\{method="POST",route="\/api\/v1\/offices\/:officeNumber\/employer-contacts",status="401"\} 1$/m,
    );
    expect(response.text).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/offices\/:officeNumber\/employer-contacts",status="401"\} 1$/m,
    );
    expect(response.text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/health",status="200"\} [1-9]/m);
    expect(response.text).not.toContain('nothing-here');
  });

  it('has applied its migrations (never synchronize)', async () => {
    const rows: Array<{ name: string }> = await running.app.get(DataSource).query('SELECT name FROM migrations');
    expect(rows.map((r) => r.name)).toContain('CreateIdempotencyRecords1763800000000');
  });
});
