/**
 * One server under test, in its own Node process (forked by the benchmark, so the load
 * generator's own crypto does not share its event loop):
 *
 *   lab   — the lab as `npm start` runs it (createWebServer with dist/, or createApp when no
 *           build is present), default file database in a temporary folder;
 *   floor — tools/bench/floor-server.ts.
 *
 * Listens on a free loopback port, tells the parent `{ ready, port, mode }`, answers
 * its memory and CPU time (`usage`) when asked, and exits on `stop` (or when the parent goes away).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from '../../src/rp/app.js';
import { loadConfig } from '../../src/rp/config.js';
import { startSweeper } from '../../src/rp/maintenance/sweep.js';
import { openDatabase } from '../../src/rp/store/database.js';
import { createWebServer } from '../../src/rp/web-server.js';
import { defaultBranding } from '../../src/shared/branding.js';
import { createFloorServer } from './floor-server.js';

export type ServerKind = 'lab' | 'floor';

export type ChildMessage =
  | { type: 'ready'; port: number; mode: string; databaseDir?: string }
  | { type: 'usage'; rss: number; heapUsed: number; cpuMicros: number };

const kind = process.argv[2] as ServerKind;
if (kind !== 'lab' && kind !== 'floor') throw new Error('usage: server-process.ts lab|floor');
const send = (message: ChildMessage) => process.send?.(message);

let app: { fetch: Hono['fetch'] } | undefined;
let close: () => void = () => {};

const server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: 'localhost' }, (info) => {
  const origin = `http://localhost:${info.port}`;
  if (kind === 'floor') {
    app = createFloorServer({ rpId: 'localhost', origin });
    send({ type: 'ready', port: info.port, mode: 'in-memory maps' });
    return;
  }
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-bench-'));
  const config = loadConfig({ ...process.env, PORT: String(info.port), RP_ORIGINS: origin, DATABASE_PATH: path.join(databaseDir, 'passkey-lab.db') });
  const db = openDatabase(config.databasePath);
  const distDir = path.resolve('dist');
  const built = fs.existsSync(path.join(distDir, 'index.html'));
  app = built ? createWebServer({ config, db, branding: defaultBranding, distDir }) : createApp({ config, db });
  // As `npm start` does (src/rp/server.ts): the timed sweep is part of the lab's cost.
  const sweeper = startSweeper({ db, config });
  close = () => {
    sweeper.stop();
    db.close();
    fs.rmSync(databaseDir, { recursive: true, force: true });
  };
  send({ type: 'ready', port: info.port, mode: built ? 'createWebServer (dist/), file database' : 'createApp (no dist/), file database', databaseDir });
});

const stop = () => {
  server.close();
  close();
  process.exit(0);
};
process.on('message', (message: unknown) => {
  if (message === 'usage') {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({ type: 'usage', rss: memory.rss, heapUsed: memory.heapUsed, cpuMicros: cpu.user + cpu.system });
  } else if (message === 'stop') stop();
});
process.on('disconnect', stop);
