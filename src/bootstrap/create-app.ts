import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from '../app.module.js';
import { ProblemDetailsFilter } from '../shared/http/problem-details.filter.js';
import { setUpOpenApi } from './open-api.js';

export const API_PREFIX = 'api/v1';

/** The whole app, configured; `main.ts` listens on it, e2e tests drive it over HTTP. */
export async function createApp(options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  setUpOpenApi(app);
  return app;
}
