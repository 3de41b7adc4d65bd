import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from '../app.module.js';
import { httpMetricsMiddleware } from '../metrics/http-metrics.middleware.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import { ProblemDetailsFilter } from '../shared/http/problem-details.filter.js';
import { serveWebApp } from '../web-app/serve-web-app.js';
import { setUpOpenApi } from './open-api.js';

export const API_PREFIX = 'api/v1';

/** The whole app, configured; `main.ts` listens on it, e2e tests drive it over HTTP. */
export async function createApp(options: AppOptions & { webAppDir?: string }): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Before any route is mounted, so it sees every request, 404s and refused tokens included.
  app.use(httpMetricsMiddleware(app.get(MetricsRegistry)));
  // Operations endpoints stay at the root; /docs is mounted by Swagger outside the prefix anyway.
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics', 'docs'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  setUpOpenApi(app);
  // The built web app at `/`, with client routes falling back to its index.html (never over the paths above).
  serveWebApp(app, options.webAppDir);
  return app;
}
