import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { brandIndexHtml, type Branding } from '../shared/branding.js';
import { createApp } from './app.js';
import type { RpConfig } from './config.js';
import type { Db } from './store/database.js';

/**
 * The whole lab as one Hono app: the relying party under /api and the built SPA from
 * `distDir`, its index.html carrying the branding. Used by `npm start` (server.ts) and by the
 * trainer kit's guide generator (tools/guide), which brings its own clock.
 */
export function createWebServer({ config, db, branding, distDir, now }: { config: RpConfig; db: Db; branding: Branding; distDir: string; now?: () => number }) {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} is missing: run \`npm run build\` first (npm start does it for you).`);
  const indexHtml = brandIndexHtml(fs.readFileSync(indexFile, 'utf8'), branding);
  const root = distDir;
  return (
    new Hono()
      .route('/', createApp({ config, db, ...(now ? { now } : {}) }))
      // Hashed file names never change content: cache them for good. (Set on the way out:
      // serveStatic's onFound runs after its response is built, too late for a header.)
      .use('/assets/*', async (c, next) => {
        await next();
        if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      })
      .use('/assets/*', serveStatic({ root }))
      // index.html itself is served branded, below.
      .use('*', async (c, next) => (c.req.path === '/' || c.req.path === '/index.html' ? next() : serveStatic({ root })(c, next)))
      // Client-side routes (/register, /account, ...) all get the SPA shell.
      .get('*', (c) => c.html(indexHtml))
  );
}
