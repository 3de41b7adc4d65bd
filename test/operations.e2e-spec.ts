import pg from 'pg';
import type { EventStore } from '@app/event-store';
import { ProjectionEngine } from '@app/projections';
import { liveLock } from '@app/projections/testing';
import { EVENT_STORE } from '@app/event-store';
import { startApp, type RunningApp } from './app-harness.js';
import { advisor, ORG, recently } from './fixtures.js';

/** What an operator sees on /metrics and /health/ready while a view falls behind, catches up and fails. */
describe('operations: projection lag and failure on /metrics and /health/ready', () => {
  let running: RunningApp;
  let token: string;

  beforeAll(async () => {
    running = await startApp();
    token = await running.tokenFor(advisor('0314'));
  });
  afterAll(async () => {
    await running.close();
  });

  const scrape = async () => (await running.http.get('/metrics').expect(200)).text;
  /** The value of one series, e.g. `projection_lag_events{projection="engagement"}`. */
  const valueOf = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    if (!line) throw new Error(`no series ${series} in /metrics`);
    return Number(line.slice(series.length + 1));
  };
  const engagement = (name: string) => `${name}{projection="engagement"}`;
  const statusSeries = (status: string) => `projection_status{projection="engagement",status="${status}"}`;
  const contact = () =>
    running.http
      .post('/api/v1/offices/0314/employer-contacts')
      .set({ authorization: `Bearer ${token}` })
      .send({ orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: recently(30) })
      .expect(201);
  /** What every stored event carries; a command handler would set it from the request. */
  const metadata = {
    actor: 'Z123456',
    officeNumber: '0314',
    commandId: 'c-ops',
    correlationId: 'c-ops',
    causationId: 'c-ops',
    schemaVersion: 2,
  };
  const eventually = async <T>(what: string, check: () => Promise<T | false>, timeoutMs = 20_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const result = await check();
      if (result !== false) return result;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('shows the lag of a held-back view rise, then fall back to 0 once it may run again', async () => {
    await contact();
    await eventually('engagement to catch up', async () => valueOf(await scrape(), engagement('projection_lag_events')) === 0);

    // Another "instance" takes the live job: this one cannot run the view until it lets go.
    const engine = running.app.get(ProjectionEngine);
    await engine.stop();
    const holder = new pg.Client({ connectionString: running.db.url });
    await holder.connect();
    try {
      const [kind, id] = liveLock('engagement');
      expect((await holder.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [kind, id])).rows[0].locked).toBe(true);
      await engine.start();
      const before = valueOf(await scrape(), engagement('projection_position'));
      for (let i = 0; i < 3; i++) await contact();
      await new Promise((resolve) => setTimeout(resolve, 1100));

      const behind = await scrape();
      expect(valueOf(behind, engagement('projection_position'))).toBe(before);
      expect(valueOf(behind, engagement('projection_lag_events'))).toBeGreaterThanOrEqual(3);
      expect(valueOf(behind, engagement('projection_head_position'))).toBeGreaterThan(before);
      expect(valueOf(behind, engagement('projection_lag_seconds'))).toBeGreaterThanOrEqual(1);
      // Its live job is held elsewhere (the lock): running there as far as anyone can tell, just behind.
      expect(valueOf(behind, statusSeries('running'))).toBe(1);
      expect(valueOf(behind, statusSeries('failed'))).toBe(0);
    } finally {
      await holder.end();
    }

    const caughtUp = await eventually('the lag to fall back to 0', async () => {
      const text = await scrape();
      return valueOf(text, engagement('projection_lag_events')) === 0 && text;
    });
    expect(valueOf(caughtUp, engagement('projection_lag_seconds'))).toBe(0);
    expect(valueOf(caughtUp, statusSeries('running'))).toBe(1);
    // The batches it committed were counted and timed.
    expect(caughtUp).toMatch(/^projection_batch_events_count\{projection="engagement",track="live"\} [1-9]/m);
    expect(caughtUp).toMatch(/^projection_commit_duration_seconds_count\{projection="engagement",track="live"\} [1-9]/m);
    // And the appends: timed by outcome, grouped, the pools in use.
    expect(valueOf(caughtUp, 'event_store_append_duration_seconds_count{outcome="appended"}')).toBeGreaterThanOrEqual(4);
    expect(caughtUp).toMatch(/^event_store_append_group_size_count [1-9]/m);
    expect(caughtUp).toMatch(/^db_pool_connections_in_use\{pool="event_store"\} \d/m);
    expect(caughtUp).toMatch(/^db_pool_waiting\{pool="typeorm"\} 0$/m);

    const ready = await running.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', database: 'up', eventStore: 'up' });
    expect(ready.body.projections).toContainEqual({ name: 'engagement', status: 'running', lagEvents: 0, lagSeconds: 0 });
  });

  it('counts an append the store refused for a wrong revision, by reason and in the append times', async () => {
    const store = running.app.get<EventStore>(EVENT_STORE);
    const refused = store.append('office-0314.probe-revision', [{ type: 'ProbeWritten', data: {}, metadata }], { expectedRevision: 7 });
    await expect(refused).rejects.toThrow('expected 7');
    const text = await scrape();
    expect(valueOf(text, 'event_store_append_refusals_total{reason="wrong_revision"}')).toBe(1);
    expect(valueOf(text, 'event_store_append_duration_seconds_count{outcome="wrong_revision"}')).toBe(1);
  });

  it('shows a view with an event it cannot fold as degraded in metrics (the event parked), readiness degraded but 200', async () => {
    const store = running.app.get<EventStore>(EVENT_STORE);
    // No command would write this: an instant that is not one. The view's keysOf throws on it, so the
    // engine parks it and goes on (libs/projections/README.md, "Failures").
    await store.append('office-0314.employer-poison', [
      {
        type: 'EmployerContacted',
        data: { orgNumber: ORG.builder, channel: 'PHONE', theme: 'RECRUITMENT', occurredAt: 'not a time' },
        metadata,
      },
    ]);
    const degraded = await eventually('engagement to park the event', async () => {
      const text = await scrape();
      return valueOf(text, statusSeries('degraded')) === 1 && text;
    });
    expect(valueOf(degraded, statusSeries('running'))).toBe(0);
    expect(valueOf(degraded, engagement('projection_parked_events'))).toBe(1);

    const ready = await running.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'degraded', database: 'up', eventStore: 'up' });
    expect(ready.body.projections).toContainEqual(expect.objectContaining({ name: 'engagement', status: 'degraded' }));
    await running.http.get('/health/live').expect(200, { status: 'ok' });
  });
});
