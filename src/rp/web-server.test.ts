import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brandingSchema } from '../shared/branding';
import { loadConfig } from './config';
import { openDatabase } from './store/database';
import { createWebServer } from './web-server';

function server() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<html><head><title>Passkey Lab</title></head><body><div id="root"></div></body></html>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  const branding = brandingSchema.parse({ organisation: 'Contoso', appName: 'Contoso Sign-in', accentColor: '#0f766e' });
  return createWebServer({ config: loadConfig({}), db: openDatabase(':memory:'), branding, distDir: dist });
}

describe('the web server', () => {
  it.each(['/', '/index.html', '/register', '/admin/policy'])('serves %s as the branded SPA shell', async (url) => {
    const response = await server().request(url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>Contoso Sign-in</title>');
    expect(html).toContain('--brand:#0f766e');
  });

  it('serves assets as immutable files and the API as JSON', async () => {
    const app = server();
    const asset = await app.request('/assets/app.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app.request('/api/session')).status).toBe(401);
  });
});
