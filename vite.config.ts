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

export default defineConfig({
  plugins: [react(), relyingParty(), branding()],
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, host: 'localhost' },
  build: { target: 'es2022', sourcemap: false },
});
