import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_PREFIX } from './api-prefix';

/**
 * The portal is a single-page application: its files are served as they are, and every other GET outside the API
 * answers with its index.html, so a deep link (`/entries/…`) survives a reload. Hashed assets are cached for good;
 * index.html never, so a new release reaches every browser at its next load.
 */
export function servePortal(app: NestExpressApplication, webDir: string): void {
  const root = resolve(webDir);
  const index = join(root, 'index.html');
  const built = existsSync(index);
  if (!built) Logger.warn(`No portal in ${root}: run \`npm run build:web\` (the API works without it)`, 'Portal');
  else {
    app.useStaticAssets(root, {
      index: false,
      setHeaders: (response, path) =>
        response.setHeader(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  }
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path === `/${API_PREFIX}` || request.path.startsWith(`/${API_PREFIX}/`))
      return next();
    if (!built) {
      response.status(503).type('text/plain').send('The portal is not built: run `npm run build:web`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    // Relative to root: `send` refuses any dot-folder in an absolute path (the test builds live under .data/).
    response.sendFile('index.html', { root });
  });
}
