import type { NextFunction, Request, Response } from 'express';
import { routePatternOf } from '../shared/http/route-pattern.js';
import type { MetricsRegistry } from './metrics-registry.js';

/**
 * Counts every finished request by method, route pattern and status. The label is the route
 * pattern (`/api/v1/offices/:officeNumber/...`), never the raw path: paths carry ids, and one
 * series per id would grow without bound. Requests no route matched count as `unmatched`.
 */
export function httpMetricsMiddleware(registry: MetricsRegistry) {
  const requests = registry.counter('http_requests_total', 'HTTP requests answered, by method, route pattern and status');
  return (request: Request, response: Response, next: NextFunction): void => {
    response.on('finish', () => {
      requests.inc({ method: request.method, route: routePatternOf(request), status: String(response.statusCode) });
    });
    next();
  };
}
