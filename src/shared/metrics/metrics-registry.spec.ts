import { MetricsRegistry } from './metrics-registry.js';

describe('the metrics registry', () => {
  it('renders counters by label set and gauges read at scrape time, in Prometheus text format', async () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter('http_requests_total', 'HTTP requests');
    let queued = 1;
    registry.gauge('queue_length', 'Items waiting', () => queued);
    requests.inc({ route: '/health', status: '200' });
    requests.inc({ status: '200', route: '/health' });
    requests.inc({ route: '/a"b\\c', status: '404' }, 3);
    queued = 7;

    expect(await registry.render()).toBe(
      [
        '# HELP http_requests_total HTTP requests',
        '# TYPE http_requests_total counter',
        'http_requests_total{route="/health",status="200"} 2',
        'http_requests_total{route="/a\\"b\\\\c",status="404"} 3',
        '',
        '# HELP queue_length Items waiting',
        '# TYPE queue_length gauge',
        'queue_length 7',
        '',
      ].join('\n'),
    );
  });

  it('renders labelled gauge samples, also from an async read, and leaves out a gauge whose read fails', async () => {
    const registry = new MetricsRegistry();
    registry.gauge('projection_lag_events', 'Events behind the head', async () => [
      { labels: { projection: 'engagement' }, value: 0 },
      { labels: { projection: 'outcomes' }, value: 12 },
    ]);
    registry.gauge('broken', 'Fails to read', () => {
      throw new Error('database down');
    });
    const text = await registry.render();
    expect(text).toContain('projection_lag_events{projection="engagement"} 0\nprojection_lag_events{projection="outcomes"} 12\n');
    expect(text).toContain('# TYPE broken gauge\n');
    expect(text).not.toMatch(/^broken /m);
  });

  it('renders a counter kept elsewhere as a counter, read at each scrape', async () => {
    const registry = new MetricsRegistry();
    let answered = 0;
    registry.counterOf('tasks_answered_total', 'Tasks answered', () => answered);
    expect(await registry.render()).toBe(
      ['# HELP tasks_answered_total Tasks answered', '# TYPE tasks_answered_total counter', 'tasks_answered_total 0', ''].join('\n'),
    );
    answered = 3;
    expect(await registry.render()).toContain('\ntasks_answered_total 3\n');
    expect(() => registry.counterOf('tasks_answered_total', 'Again', () => 0)).toThrow('registered twice');
  });

  it('observes histograms into buckets', async () => {
    const registry = new MetricsRegistry();
    const appends = registry.histogram('append_seconds', 'Append time', ['store'], [0.01, 0.1]);
    appends.observe({ store: 'postgres' }, 0.05);
    const text = await registry.render();
    expect(text).toContain('append_seconds_bucket{le="0.01",store="postgres"} 0\n');
    expect(text).toContain('append_seconds_bucket{le="0.1",store="postgres"} 1\n');
    expect(text).toContain('append_seconds_count{store="postgres"} 1\n');
  });

  it('refuses a name registered twice or not a metric name', () => {
    const registry = new MetricsRegistry();
    registry.counter('a_total', 'A');
    expect(() => registry.counter('a_total', 'A again')).toThrow('registered twice');
    expect(() => registry.histogram('a_total', 'A again', [], [1])).toThrow('registered twice');
    expect(() => registry.gauge('bad-name', 'B', () => 1)).toThrow('Invalid metric name');
  });
});
