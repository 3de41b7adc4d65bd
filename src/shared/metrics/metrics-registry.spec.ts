import { MetricsRegistry } from './metrics-registry.js';

describe('the metrics registry', () => {
  it('renders counters by label set and gauges read at scrape time, in Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter('http_requests_total', 'HTTP requests');
    let queued = 1;
    registry.gauge('queue_length', 'Items waiting', () => queued);
    requests.inc({ route: '/health', status: '200' });
    requests.inc({ status: '200', route: '/health' });
    requests.inc({ route: '/a"b\\c', status: '404' }, 3);
    queued = 7;

    expect(registry.render()).toBe(
      [
        '# HELP http_requests_total HTTP requests',
        '# TYPE http_requests_total counter',
        'http_requests_total{route="/health",status="200"} 2',
        'http_requests_total{route="/a\\"b\\\\c",status="404"} 3',
        '# HELP queue_length Items waiting',
        '# TYPE queue_length gauge',
        'queue_length 7',
        '',
      ].join('\n'),
    );
  });

  it('renders labelled gauge samples', () => {
    const registry = new MetricsRegistry();
    registry.gauge('projection_lag_events', 'Events behind the head', () => [
      { labels: { projection: 'engagement' }, value: 0 },
      { labels: { projection: 'outcomes' }, value: 12 },
    ]);
    expect(registry.render()).toContain('projection_lag_events{projection="engagement"} 0\nprojection_lag_events{projection="outcomes"} 12\n');
  });

  it('refuses a name registered twice or not a metric name', () => {
    const registry = new MetricsRegistry();
    registry.counter('a_total', 'A');
    expect(() => registry.counter('a_total', 'A again')).toThrow('registered twice');
    expect(() => registry.gauge('bad-name', 'B', () => 1)).toThrow('Invalid metric name');
  });
});
