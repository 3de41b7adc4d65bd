import type { NextFunction, Request, Response } from 'express';
import { routePatternOf } from '../shared/http/route-pattern.js';
import type { MetricsRegistry } from '../shared/metrics/metrics-registry.js';

/** Seconds; from a quick read to the 5 s a `minPosition` wait may take. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Counts and times every finished request by method, route pattern and status. The label is the
 * route pattern (`/api/v1/offices/:officeNumber/...`), never the raw path: paths carry ids, and one
 * series per id would grow without bound. Requests no route matched count as `unmatched`.
 */
export function httpMetricsMiddleware(registry: MetricsRegistry) {
  const requests = registry.counter('http_requests_total', 'HTTP requests answered, by method, route pattern and status');
  const labelNames = ['method', 'route', 'status'];
  const durations = registry.histogram('http_request_duration_seconds', 'Time to answer an HTTP request', labelNames, SECONDS);
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const labels = { method: request.method, route: routePatternOf(request), status: String(response.statusCode) };
      requests.inc(labels);
      durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
