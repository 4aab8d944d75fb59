import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { createDevApp } from './src/rp/dev-app';

/**
 * Mounts the relying party (src/rp/app.ts) as middleware for /api and /.well-known in the dev server, so the
 * SPA and the API share one origin (cookies and the WebAuthn origin just work).
 */
function relyingParty(): Plugin {
  return {
    name: 'passkey-lab-relying-party',
    apply: 'serve',
    async configureServer(server) {
      const { getRequestListener } = await import('@hono/node-server');
      let listener: ReturnType<typeof getRequestListener> | undefined;
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith('/api') && !req.url?.startsWith('/.well-known/')) return next();
        if (!listener) {
          const port = server.config.server.port ?? 5173;
          const mod = (await server.ssrLoadModule('/src/rp/dev-app.ts')) as { createDevApp: typeof createDevApp };
          listener = getRequestListener(mod.createDevApp(port).fetch);
        }
        await listener(req, res);
      });
    },
  };
}

/** The organisation's branding (BRAND_* variables) in index.html under `npm run dev`, as `npm start` does it. */
function branding(): Plugin {
  return {
    name: 'passkey-lab-branding',
    apply: 'serve',
    async transformIndexHtml(html) {
      const [{ loadBranding }, { brandIndexHtml }] = await Promise.all([import('./src/rp/branding'), import('./src/shared/branding')]);
      return brandIndexHtml(html, loadBranding());
    },
  };
}

/** Text files worth compressing, and the smallest size for which it pays. */
const COMPRESSIBLE_FILE = /\.(?:js|mjs|css|svg|json|txt|map|webmanifest|xml)$/i;
const MIN_COMPRESS_BYTES = 1024;

/**
 * Pre-compresses the build: beside each text file of dist/ (index.html excepted: it is branded
 * when served and compressed then), a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9),
 * each kept only when smaller. The server picks one by Accept-Encoding (src/rp/web-server.ts),
 * so no request pays for compressing a file that never changes.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'passkey-lab-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // After everything is written (public/ files too); nothing to do when the build failed.
    closeBundle(error?: Error) {
      if (error || !fs.existsSync(outDir)) return;
      const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' });
      for (const file of files) {
        const full = path.join(outDir, file);
        if (file === 'index.html' || !COMPRESSIBLE_FILE.test(file) || !fs.statSync(full).isFile()) continue;
        const content = fs.readFileSync(full);
        if (content.byteLength < MIN_COMPRESS_BYTES) continue;
        const variants = {
          br: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength } }),
          gz: gzipSync(content, { level: 9 }),
        };
        for (const [extension, compressed] of Object.entries(variants)) {
          if (compressed.byteLength < content.byteLength) fs.writeFileSync(`${full}.${extension}`, compressed);
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), relyingParty(), branding(), precompress()],
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, host: 'localhost' },
  build: { target: 'es2022', sourcemap: false },
});
