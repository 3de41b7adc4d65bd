import type { NextFunction, Request, Response } from 'express';
import type { MetricsRegistry } from '../shared/metrics/metrics-registry.js';

/**
 * Counts every finished request by method, route pattern and status. The label is the route
 * pattern (`/api/v1/offices/:officeNumber/...`), never the raw path: paths carry ids, and one
 * series per id would grow without bound. Requests no route matched count as `unmatched`.
 */
export function httpMetricsMiddleware(registry: MetricsRegistry) {
  const requests = registry.counter('http_requests_total', 'HTTP requests answered, by method, route pattern and status');
  return (request: Request, response: Response, next: NextFunction): void => {
    response.on('finish', () => {
      const pattern = (request.route as { path?: unknown } | undefined)?.path;
      // Nest answers unknown paths under the global prefix with a catch-all route (`/api/v1*path`).
      const matched = typeof pattern === 'string' && !pattern.includes('*');
      const route = matched ? `${request.baseUrl}${pattern}` : 'unmatched';
      requests.inc({ method: request.method, route, status: String(response.statusCode) });
    });
    next();
  };
}
