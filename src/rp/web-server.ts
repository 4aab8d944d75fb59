import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { brandIndexHtml, type Branding, brandingStyle } from '../shared/branding.js';
import { createApp } from './app.js';
import type { RpConfig } from './config.js';
import { compressResponses, varyOnAcceptEncoding } from './http/compression.js';
import { answerAnyThrow, answerError, errorResponse } from './http/rp-error.js';
import { pageCsp, securityHeaders, styleHash } from './http/security-headers.js';
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
  // The brand colour is the one inline <style>: the policy allows exactly its text.
  const brandStyle = brandingStyle(branding);
  return (
    new Hono()
      .use(securityHeaders(pageCsp(brandStyle === null ? [] : [styleHash(brandStyle)])))
      .use(answerAnyThrow)
      // JSON answers and the HTML shell of 4 KB or more, compressed as the client accepts (docs/api.md).
      .use(compressResponses())
      .route('/', createApp({ config, db, ...(now ? { now } : {}) }))
      // Hashed file names never change content: cache them for good. (Set on the way out:
      // serveStatic's onFound runs after its response is built, too late for a header.)
      .use('/assets/*', async (c, next) => {
        await next();
        if (c.res.status !== 200) return;
        c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
        // The same URL has brotli, gzip and plain bodies: caches must key on Accept-Encoding.
        if (/^(?:text\/|application\/(?:javascript|json)|image\/svg)/.test(c.res.headers.get('Content-Type') ?? '')) varyOnAcceptEncoding(c.res.headers);
      })
      // Pre-compressed at build time (vite.config.ts): file.br or file.gz by Accept-Encoding.
      .use('/assets/*', serveStatic({ root, precompressed: true }))
      // index.html itself is served branded, below.
      .use('*', async (c, next) => (c.req.path === '/' || c.req.path === '/index.html' ? next() : serveStatic({ root, precompressed: true })(c, next)))
      // Client-side routes (/register, /account, ...) all get the SPA shell.
      .get('*', (c) => c.html(indexHtml))
      .notFound((c) => errorResponse(c, 'not_found'))
      .onError((error, c) => answerError(c, error))
  );
}
