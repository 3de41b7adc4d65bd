import type { Request } from 'express';

/**
 * The route pattern a request matched (`/api/v1/offices/:officeNumber/cases/:caseId`), or
 * `unmatched`: what metrics and logs name a request by, never its raw path (paths carry ids).
 */
export function routePatternOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  // Nest answers unknown paths under the global prefix with a catch-all route (`/api/v1*path`).
  const matched = typeof pattern === 'string' && !pattern.includes('*');
  return matched ? `${request.baseUrl}${pattern}` : 'unmatched';
}
