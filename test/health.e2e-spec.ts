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

  it('serves its OpenAPI document', async () => {
    const response = await running.http.get('/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/api/v1/dev/token');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await running.http.get('/api/v1/nothing-here').expect(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
  });

  it('has applied its migrations (never synchronize)', async () => {
    const { DataSource } = await import('typeorm');
    const rows = await running.app.get(DataSource).query('SELECT name FROM migrations');
    expect(rows.map((r: { name: string }) => r.name)).toContain('CreateIdempotencyRecords1763800000000');
  });
});
