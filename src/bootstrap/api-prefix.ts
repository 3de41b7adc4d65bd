import type { INestApplication } from '@nestjs/common';

export const API_PREFIX = 'api/v1';

/** Operations endpoints stay at the root; /docs is mounted by Swagger outside the prefix anyway. */
export const setApiPrefix = (app: INestApplication) =>
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/live', 'health/ready', 'metrics', 'docs'] });
