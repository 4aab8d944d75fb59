/**
 * Production entry (`npm start`): one Node process serves the built SPA from dist/ and the
 * relying party under /api, on PORT (default 3000).
 */
import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadBranding } from './branding.js';
import { loadConfig } from './config.js';
import { startSweeper } from './maintenance/sweep.js';
import { ensureSimulatorRoot, simulatorEnabled } from './simulator/ca.js';
import { openDatabase } from './store/database.js';
import { createWebServer } from './web-server.js';

let app;
const config = loadConfig();
try {
  const db = openDatabase(config.databasePath);
  app = createWebServer({ config, db, branding: loadBranding(), distDir: path.resolve('dist') });
  // Expired sessions, old pass failures and sign-in log entries, every minute.
  startSweeper({ db, config });
  // The lab's own simulator root is made at first start and kept with the data (docs/api.md, "Simulated devices").
  if (simulatorEnabled(config)) ensureSimulatorRoot({ db, now: Date.now }).catch((error: unknown) => console.warn('[relying party] simulator root:', error));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

serve({ fetch: app.fetch, port: config.port }, () => {
  const where = config.databasePath === ':memory:' ? 'in memory (nothing written to disk)' : config.databasePath;
  console.log(`Passkey Lab on http://localhost:${config.port} (RP ID ${config.rpId}; data ${where})`);
});
