import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * One line per answered request: method, path (never the query string), status, time and the
 * correlation id. Bodies and query strings may hold personal data and are never logged; probes
 * and scrapes, which come every few seconds, are not logged at all.
 */
export const requestLogging = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: (request) => (request.headers['x-correlation-id'] as string | undefined) ?? crypto.randomUUID(),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]!) },
  });
