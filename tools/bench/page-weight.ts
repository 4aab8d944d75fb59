/**
 * `npx tsx tools/bench/page-weight.ts [--dist dist]` — what a first visit costs on the wire.
 * Serves the built SPA (run `npm run build` first) with the lab on a loopback port, opens it in
 * headless Chromium with a cold cache, and sums every answer's encoded size (CDP
 * `Network.loadingFinished.encodedDataLength`: headers and compressed body as transferred).
 *
 * Reports `/` (budget: 130 KB in all) and `/account` signed in as an end user (not the admin),
 * where no admin-only code may load: no script containing zod.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from '@playwright/test';
import { chromiumExecutable } from '../../e2e/chromium-executable.js';
import { loadConfig } from '../../src/rp/config.js';
import { openDatabase } from '../../src/rp/store/database.js';
import { createWebServer } from '../../src/rp/web-server.js';
import { defaultBranding } from '../../src/shared/branding.js';
import { Browser as ApiBrowser, register } from './load.js';

export const FIRST_LOAD_BUDGET_BYTES = 130 * 1024;

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  encoding: string;
  body?: string;
}

async function measure(browser: Browser, url: string, cookie?: { name: string; value: string }): Promise<Transfer[]> {
  const context = await browser.newContext();
  if (cookie) await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map<string, { url: string; type: string; encoding: string }>();
  const transfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (event) => {
    requests.set(event.requestId, { url: event.response.url, type: event.type, encoding: String(event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'] ?? '') });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (request) transfers.push({ ...request, bytes: event.encodedDataLength });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Scripts' text, to look for admin-only code in what was loaded.
  for (const transfer of transfers.filter((t) => t.type === 'Script')) {
    const response = await context.request.get(transfer.url);
    transfer.body = await response.text();
  }
  await context.close();
  return transfers;
}

function print(title: string, transfers: Transfer[]): number {
  const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
  console.log(`\n${title}: ${(total / 1024).toFixed(1)} KB transferred in ${transfers.length} answers`);
  for (const t of [...transfers].sort((a, b) => b.bytes - a.bytes)) {
    console.log(`  ${(t.bytes / 1024).toFixed(1).padStart(7)} KB  ${t.type.padEnd(10)} ${(t.encoding || 'identity').padEnd(8)} ${new URL(t.url).pathname}`);
  }
  return total;
}

const hasZod = (transfers: Transfer[]) => transfers.filter((t) => t.body && /ZodError|\$ZodType/.test(t.body)).map((t) => new URL(t.url).pathname);

async function main() {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  const distDir = path.resolve(values.dist!);
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-weight-'));
  let port = 0;
  const lab: { app?: ReturnType<typeof createWebServer> } = {};
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: (request) => lab.app!.fetch(request), port: 0, hostname: 'localhost' }, (info) => {
      port = info.port;
      resolve(started);
    });
  });
  const origin = `http://localhost:${port}`;
  const config = loadConfig({ PORT: String(port), RP_ORIGINS: origin, DATABASE_PATH: path.join(databaseDir, 'lab.db') });
  lab.app = createWebServer({ config, db: openDatabase(config.databasePath), branding: defaultBranding, distDir });
  const browser = await chromium.launch({ executablePath: chromiumExecutable() });
  let failed = false;
  try {
    const home = await measure(browser, `${origin}/`);
    const total = print('First load of /', home);
    const verdict = total <= FIRST_LOAD_BUDGET_BYTES ? 'within' : 'OVER';
    console.log(`  ${verdict} the budget of ${FIRST_LOAD_BUDGET_BYTES / 1024} KB`);
    failed ||= total > FIRST_LOAD_BUDGET_BYTES;

    // The first account is the tenant's admin: the end user is the second one.
    const target = { name: 'lab', baseUrl: origin };
    await register(target, 'weight-admin');
    const user = new ApiBrowser(target);
    await register(target, 'weight-user', undefined, user);
    const cookie = user.cookie('passkey_lab_session');
    if (!cookie) throw new Error('no session cookie after registration');
    const account = await measure(browser, `${origin}/account`, { name: 'passkey_lab_session', value: cookie });
    print('First load of /account (an end user, signed in)', account);
    const zod = hasZod(account);
    console.log(zod.length ? `  admin-only code (zod) loaded: ${zod.join(', ')}` : '  no admin-only code (zod) loaded');
    failed ||= zod.length > 0;
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(databaseDir, { recursive: true, force: true });
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
