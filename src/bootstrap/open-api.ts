import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import { createDevKeys } from '../auth/dev-keys.js';
import { loadConfig } from '../config/index.js';
import { createOpenApiDocument } from '../shared/open-api/open-api-document.js';
import { setApiPrefix } from './api-prefix.js';

/** The OpenAPI document at /docs (JSON at /docs-json): the HTTP contract as built, the one in docs/openapi.json. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * The document without a running app: Nest's preview mode mounts the routes but makes no provider,
 * so no database is needed. Dev auth mode, so the dev token route is in it (404 in any other mode).
 */
export async function describeApi(): Promise<OpenAPIObject> {
  const config = {
    ...loadConfig({}),
    databaseUrl: 'postgres://not-connected',
    clientRefSecret: 'not-used-when-only-describing-the-routes',
  };
  const module = AppModule.forRoot({ config, auth: { mode: 'dev', devKeys: await createDevKeys() } });
  const app = await NestFactory.create(module, { preview: true, logger: false, abortOnError: false });
  setApiPrefix(app);
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
