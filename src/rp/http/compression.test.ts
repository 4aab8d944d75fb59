import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { Client, ORIGIN, testConfig } from '../../../test/rp/helpers';
import { createAuthenticator } from '../../../test/soft-authenticator';
import { defaultBranding } from '../../shared/branding';
import { openDatabase } from '../store/database';
import { createWebServer } from '../web-server';
import { COMPRESSION_THRESHOLD_BYTES, compressResponses, DYNAMIC_PREFERENCE, negotiateEncoding } from './compression';

const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))};\n`;

function server() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-dist-'));
  // An index.html past the threshold (the real one, about 1 KB, is not).
  fs.writeFileSync(path.join(dist, 'index.html'), `<html><head><title>Passkey Lab</title></head><body><div id="root"></div><!-- ${'x'.repeat(COMPRESSION_THRESHOLD_BYTES)} --></body></html>`);
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), script);
  fs.writeFileSync(path.join(dist, 'assets', 'app.js.br'), brotliCompressSync(script));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js.gz'), gzipSync(script));
  return createWebServer({ config: testConfig(), db: openDatabase(':memory:'), branding: defaultBranding, distDir: dist });
}

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('negotiateEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1.0, br;q=0.5', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0', null],
    ['gzip;q=0, *', 'br'],
    ['deflate', null],
  ] as const)('%j → %j', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });

  it('breaks ties by the preference given, never against the client’s q-values', () => {
    expect(negotiateEncoding('gzip, deflate, br', DYNAMIC_PREFERENCE)).toBe('gzip');
    expect(negotiateEncoding('gzip;q=0.5, br', DYNAMIC_PREFERENCE)).toBe('br');
    expect(negotiateEncoding('br', DYNAMIC_PREFERENCE)).toBe('br');
  });
});

describe('static assets', () => {
  it.each([
    ['br', 'br', brotliDecompressSync],
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ] as const)('Accept-Encoding %s gets the pre-compressed %s file', async (accept, encoding, decompress) => {
    const response = await server().request('/assets/app.js', { headers: { 'accept-encoding': accept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(decompress(await body(response)).toString()).toBe(script);
  });

  it('a client that accepts no compression gets the plain file, still with Vary', async () => {
    const response = await server().request('/assets/app.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await body(response)).toString()).toBe(script);
  });
});

describe('dynamic answers', () => {
  it('the SPA shell is compressed', async () => {
    const response = await server().request('/account', { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(await body(response)).toString()).toContain('<div id="root">');
  });

  async function registrationAnswer(username: string, extensionOutputs: Record<string, unknown> = {}) {
    const app = server();
    const browser = new Client(app as never);
    const options = await browser.registrationOptions({ username });
    const response = await createAuthenticator().register(options);
    return app.request('/api/registration/verify', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', cookie: `passkey_lab_session=${browser.sessionId}`, 'accept-encoding': 'gzip, br' },
      body: JSON.stringify({ response: { ...response, clientExtensionResults: { ...response.clientExtensionResults, ...extensionOutputs } } }),
    });
  }

  it('a ceremony answer (about 3 KB, under the threshold) goes as it is, with its length', async () => {
    const response = await registrationAnswer('plain');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBeGreaterThan(2000);
    expect(Buffer.byteLength(text)).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    expect((JSON.parse(text) as { verified: boolean }).verified).toBe(true);
  });

  it('a ceremony answer over the threshold (its report echoes 4 KB of extension outputs) is compressed, and its cookie still set', async () => {
    const response = await registrationAnswer('compressed', { padding: 'p'.repeat(COMPRESSION_THRESHOLD_BYTES) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.getSetCookie().join()).toContain('passkey_lab_session=');
    const compressed = await body(response);
    expect(Number(response.headers.get('content-length'))).toBe(compressed.byteLength);
    const json = JSON.parse(gunzipSync(compressed).toString()) as { verified: boolean };
    expect(json.verified).toBe(true);
  });

  it('small answers and answers to clients that accept no compression go as they are', async () => {
    const app = server();
    const small = await app.request('/api/session', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary') ?? '').not.toMatch(/accept-encoding/i);
    expect(((await small.json()) as { error: { code: string } }).error.code).toBe('not_signed_in');

    const plain = await app.request('/register');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await plain.text()).toContain('<div id="root">');
  });

  it('compresses from the threshold up, and leaves an answer that is already encoded alone', async () => {
    const app = new Hono()
      .use(compressResponses())
      .get('/json/:size', (c) => c.json({ pad: 'a'.repeat(Number(c.req.param('size')) - 10) }))
      .get('/encoded', (c) => c.body('already', 200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    const at = (size: number) => app.request(`/json/${size}`, { headers: { 'accept-encoding': 'gzip' } });
    expect((await at(COMPRESSION_THRESHOLD_BYTES - 1)).headers.get('content-encoding')).toBeNull();
    const over = await at(COMPRESSION_THRESHOLD_BYTES);
    expect(over.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(await body(over)).toString())).toEqual({ pad: 'a'.repeat(COMPRESSION_THRESHOLD_BYTES - 10) });
    const encoded = await app.request('/encoded', { headers: { 'accept-encoding': 'br' } });
    expect(encoded.headers.get('content-encoding')).toBe('gzip');
    expect(await encoded.text()).toBe('already');
  });
});

describe('behind @hono/node-server (as npm start runs it)', () => {
  function get(port: number, path: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: 'localhost', port, path, headers: { 'accept-encoding': 'gzip, br' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  }

  it('sends a small answer as it is (with its length) and compresses a large one, cookies kept', async () => {
    const big = { pad: 'b'.repeat(COMPRESSION_THRESHOLD_BYTES) };
    const app = new Hono()
      .use(compressResponses())
      .get('/small', (c) => c.json({ ok: true }))
      .get('/big', (c) => {
        setCookie(c, 'a', '1');
        setCookie(c, 'b', '2');
        return c.json(big);
      });
    const server = serve({ fetch: app.fetch, port: 0, hostname: 'localhost' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const small = await get(port, '/small');
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.headers.vary).toBeUndefined();
      expect(small.headers['content-length']).toBe(String(small.body.byteLength));
      expect(JSON.parse(small.body.toString())).toEqual({ ok: true });

      const large = await get(port, '/big');
      expect(large.headers['content-encoding']).toBe('gzip');
      expect(large.headers.vary).toMatch(/accept-encoding/i);
      expect(large.headers['content-length']).toBe(String(large.body.byteLength));
      expect(large.headers['set-cookie']).toEqual([expect.stringMatching(/^a=1/), expect.stringMatching(/^b=2/)]);
      expect(JSON.parse(gunzipSync(large.body).toString())).toEqual(big);
    } finally {
      server.close();
    }
  });
});
