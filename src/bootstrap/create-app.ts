import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule, type AppOptions } from '../app.module.js';
import { createAppLogger } from '../logging/app-logger.js';
import { NestPinoLogger } from '../logging/nest-logger.adapter.js';
import { requestLogging } from '../logging/request-logging.middleware.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { MetricsRegistry } from '../shared/metrics/metrics-registry.js';
import { correlationIdMiddleware } from '../shared/http/correlation-id.js';
import { ProblemDetailsFilter } from '../shared/http/problem-details.filter.js';
import { serveWebApp } from '../web-app/serve-web-app.js';
import { setApiPrefix } from './api-prefix.js';
import { setUpOpenApi } from './open-api.js';

export { API_PREFIX } from './api-prefix.js';

/** The whole app, configured; `main.ts` listens on it, e2e tests drive it over HTTP. */
export async function createApp(
  options: AppOptions & { webAppDir?: string; logDestination?: NodeJS.WritableStream },
): Promise<INestApplication> {
  // A destination of its own lets a test read every line the app logs (erasure: no pseudonym in any).
  const { logDestination: destination } = options;
  const logger = createAppLogger({ level: options.config.logLevel, prettyLogs: options.config.prettyLogs, destination });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { logger: new NestPinoLogger(logger) });
  // Express would tag each answer with a hash of its body (and answer 304s the document does not
  // declare); this API's ETags are stream revisions, for If-Match on commands.
  app.set('etag', false);
  // First of all: nothing may read X-Correlation-Id before a refused one is replaced.
  app.use(correlationIdMiddleware);
  // Before any route is mounted, so they see every request, 404s and refused tokens included.
  app.use(requestLogging(logger));
  app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
  setApiPrefix(app);
  app.useGlobalFilters(new ProblemDetailsFilter());
  setUpOpenApi(app);
  // The built web app at `/`, with client routes falling back to its index.html (never over the paths above).
  serveWebApp(app, options.webAppDir);
  return app;
}
