import { createHash } from 'node:crypto';
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

describe('security headers (every page and every API answer)', () => {
  const pages = ['/', '/index.html', '/register', '/account', '/admin/policy', '/assets/app.js', '/favicon.svg'];
  const api: [string, string, unknown?][] = [
    ['GET', '/api/session'],
    ['GET', '/api/credentials'],
    ['GET', '/api/metadata'],
    ['GET', '/api/nothing-here'],
    ['GET', '/.well-known/webauthn'],
    ['POST', '/api/authentication/options', {}],
    ['POST', '/api/registration/options', { username: 'h' }],
    ['POST', '/api/registration/verify', { response: {} }],
    ['POST', '/api/authentication/verify', 'not json'],
    ['DELETE', '/api/session'],
  ];

  const expectCommonHeaders = (response: Response) => {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  };

  it.each(pages)('%s: the page policy, which allows exactly the brand colour’s inline <style>', async (url) => {
    const response = await server().request(url);
    expectCommonHeaders(response);
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "img-src 'self' data:"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    if (url === '/assets/app.js' || url === '/favicon.svg') return;
    const html = await response.text();
    const style = /<style>([^<]*)<\/style>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
    expect(csp).toContain(`style-src 'self' ${hash}`);
  });

  it('without an accent colour there is no inline style and no hash', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<html><head><title>x</title></head><body></body></html>');
    const app = createWebServer({ config: loadConfig({}), db: openDatabase(':memory:'), branding: brandingSchema.parse({}), distDir: dist });
    const response = await app.request('/');
    expect(await response.text()).not.toContain('<style>');
    expect(response.headers.get('content-security-policy')).toContain("style-src 'self';");
  });

  it.each(api)('%s %s: the API policy (nothing may load or frame it)', async (method, url, body) => {
    const init: RequestInit = { method, headers: { origin: 'http://localhost:3000' } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { ...init.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(init.body as string)) };
    }
    const response = await server().request(url, init);
    expect(response.headers.get('content-type') ?? '').toMatch(/^application\/json|^$/);
    expectCommonHeaders(response);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  });

  it('a path the server has no route for answers the contract’s JSON 404, with the headers', async () => {
    const response = await server().request('/somewhere', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    expectCommonHeaders(response);
  });
});
