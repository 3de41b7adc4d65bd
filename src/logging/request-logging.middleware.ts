import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { routePatternOf } from '../shared/http/route-pattern.js';

const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * One line per answered request: method, route pattern, status, time and the correlation id.
 * Raw paths (ids), query strings and bodies may hold personal data and are never logged; probes
 * and scrapes, which come every few seconds, are not logged at all. The correlation id is the one
 * `correlationIdMiddleware` settled (a refused header never gets here).
 */
export const requestLogging = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: (request) => (request.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
    serializers: {
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // The request is serialised when it arrives, before routing; its route is known when the answer is sent.
    customSuccessObject: (req, _res, fields) => ({ ...fields, route: routePatternOf(req as Request) }),
    customErrorObject: (req, _res, _error, fields) => ({ ...fields, route: routePatternOf(req as Request) }),
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]!) },
  });
