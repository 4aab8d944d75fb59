import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { startSweeper } from './maintenance/sweep.js';
import { openDatabase } from './store/database.js';

/** The relying party as mounted in the Vite dev server (vite.config.ts), on the dev server's origin. */
export function createDevApp(devPort: number) {
  const config = loadConfig({ RP_ORIGINS: `http://localhost:${devPort}`, ...process.env });
  const db = openDatabase(config.databasePath);
  startSweeper({ db, config });
  return createApp({ config, db });
}
