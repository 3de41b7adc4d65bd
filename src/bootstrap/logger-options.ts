import type { Request } from 'express';
import type { Params } from 'nestjs-pino';
import { routePatternOf } from '../shared/http/route-pattern.js';

/**
 * Structured JSON logs. Request logs carry method, route pattern, status and correlation id only:
 * raw paths (ids), query strings and bodies may hold personal data and are never logged. The
 * correlation id is the one `correlationIdMiddleware` settled (a refused header never gets here).
 */
export const loggerOptions = (level: string): Params => ({
  pinoHttp: {
    level,
    genReqId: (request) => (request.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
    serializers: {
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // The request is serialised when it arrives, before routing; its route is known when the answer is sent.
    customSuccessObject: (req, _res, fields) => ({ ...fields, route: routePatternOf(req as Request) }),
    customErrorObject: (req, _res, _error, fields) => ({ ...fields, route: routePatternOf(req as Request) }),
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
  },
});
