import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';

/** Paths the web app never answers: the API, the OpenAPI UI and document, operations. */
const SERVER_PATHS = /^\/(api|docs|docs-json|docs-yaml|health|metrics)(\/|$)/;

/** `dist/web`, whether this file runs compiled (dist/src/web-app) or from source under ts-jest (src/web-app). */
export function builtWebAppDir(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return root.endsWith('dist') ? join(root, 'web') : join(root, 'dist', 'web');
}

/**
 * Serves the built web app at `/`: its files, and `index.html` for any other GET that asks for
 * HTML (a client route such as `/arbeidsgivere` opened directly or reloaded). Server paths are
 * never answered here, so an unknown API path still gets the API's 404. Without a build
 * (`npm test` never builds the web app) there is nothing to serve and nothing is mounted.
 */
export function serveWebApp(app: INestApplication, dir = builtWebAppDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(dir, { index: 'index.html', redirect: false, setHeaders: noCacheForIndex });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (SERVER_PATHS.test(request.path)) return next();
    files(request, response, () => {
      // Browsers ask for text/html when they open a page; API clients (Accept: */* or JSON) get the API's 404.
      const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
      if (!wantsPage) return next();
      response.setHeader('cache-control', 'no-cache');
      response.sendFile(index);
    });
  });
  return true;
}

// File names under assets/ carry a content hash; index.html does not and must be read afresh.
const noCacheForIndex = (response: Response, path: string) => {
  if (path.endsWith('index.html')) response.setHeader('cache-control', 'no-cache');
};
