import type { Params } from 'nestjs-pino';

/**
 * Structured JSON logs. Request logs carry method, route, status and correlation id only:
 * bodies and query strings may hold personal data and are never logged.
 */
export const loggerOptions = (level: string): Params => ({
  pinoHttp: {
    level,
    genReqId: (request) => (request.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
  },
});
