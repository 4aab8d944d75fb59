/**
 * Production entry (`npm start`): one Node process serves the built SPA from dist/ and the
 * relying party under /api, on PORT (default 3000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './store/database.js';

const config = loadConfig();
const distDir = path.resolve('dist');
if (!fs.existsSync(path.join(distDir, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first (npm start does it for you).');
  process.exit(1);
}
const indexHtml = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');

const app = new Hono()
  .route('/', createApp({ config, db: openDatabase(config.databasePath) }))
  .use(
    '/assets/*',
    serveStatic({ root: 'dist', onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  )
  .use('*', serveStatic({ root: 'dist' }))
  // Client-side routes (/register, /account, ...) all get the SPA shell.
  .get('*', (c) => c.html(indexHtml));

serve({ fetch: app.fetch, port: config.port }, () => {
  const where = config.databasePath === ':memory:' ? 'in memory (nothing written to disk)' : config.databasePath;
  console.log(`Passkey Lab on http://localhost:${config.port} (RP ID ${config.rpId}; data ${where})`);
});
