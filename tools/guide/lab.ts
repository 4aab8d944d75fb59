/**
 * The lab the guide drives: the real relying party and SPA (src/rp/web-server.ts) in this
 * process, on a free localhost port, with a fresh in-memory database per scenario and a clock
 * that stands still, so that every date on the screenshots is the same at every run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '../../src/rp/config';
import { openDatabase } from '../../src/rp/store/database';
import { createWebServer } from '../../src/rp/web-server';
import type { Branding } from '../../src/shared/branding';

/** The moment every scenario happens at (browser and server): 15 January 2026, 09:30 UTC. */
export const GUIDE_TIME = Date.UTC(2026, 0, 15, 9, 30);

/** The tenant admin of every scenario (the first account is the admin anyway). */
export const GUIDE_ADMIN = 'admin';

/**
 * The lab's port: fixed, because the origin (http://localhost:<port>) appears on some pages
 * and the pictures must not change from run to run. `GUIDE_PORT` picks another.
 */
export const GUIDE_PORT = Number(process.env.GUIDE_PORT ?? 3290);

export interface Lab {
  origin: string;
  /** A new, empty tenant: fresh database, clock back at GUIDE_TIME. */
  reset(): void;
  /** Moves the lab's clock on (e.g. between sign-ins, so "last used" differs from "created"). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startLab({ distDir, branding }: { distDir: string; branding: Branding }): Promise<Lab> {
  let handler: ReturnType<typeof getRequestListener> | undefined;
  const server: Server = createServer((req, res) => void handler!(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${GUIDE_PORT} is in use: set GUIDE_PORT to a free one`) : error),
    );
    server.listen(GUIDE_PORT, 'localhost', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  const config = loadConfig({ PORT: String(port), RP_ORIGINS: origin, DATABASE_PATH: ':memory:', ADMIN_USERNAMES: GUIDE_ADMIN });
  let time = GUIDE_TIME;
  let db: ReturnType<typeof openDatabase> | undefined;

  const reset = () => {
    db?.close();
    db = openDatabase(':memory:');
    time = GUIDE_TIME;
    handler = getRequestListener(createWebServer({ config, db, branding, distDir, now: () => time }).fetch);
  };
  reset();

  return {
    origin,
    reset,
    advance: (ms) => {
      time += ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        db?.close();
      }),
  };
}
