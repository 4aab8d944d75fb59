import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBodySize, MAX_BODY_BYTES } from './guards.js';

/** An app whose requests fail loudly if anything builds their web body stream (the slow path). */
function appWatchingBodyStream() {
  const touched: string[] = [];
  const app = new Hono()
    .use(async (c, next) => {
      const raw = c.req.raw;
      c.req.raw = new Proxy(raw, {
        get(target, property) {
          if (property === 'body') touched.push(c.req.path);
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      await next();
    })
    .use(limitBodySize)
    .post('/echo', async (c) => c.json(await c.req.json<unknown>()));
  return { app, touched };
}

const post = (body: string, headers: Record<string, string>) => new Request('http://localhost/echo', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('limitBodySize', () => {
  it('checks a declared Content-Length from the header alone, without building a body stream', async () => {
    const { app, touched } = appWatchingBodyStream();
    const body = JSON.stringify({ hello: 'world' });
    const response = await app.request(post(body, { 'content-length': String(Buffer.byteLength(body)) }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ hello: 'world' });
    expect(touched).toEqual([]);
  });

  it('refuses a declared Content-Length over the limit with 413 payload_too_large', async () => {
    const { app } = appWatchingBodyStream();
    const response = await app.request(post('{}', { 'content-length': String(MAX_BODY_BYTES + 1) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('counts the bytes of a body without a usable Content-Length (none declared here; chunked in a real server)', async () => {
    const { app, touched } = appWatchingBodyStream();
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await app.request(post(big, {}));
    expect(response.status).toBe(413);
    expect(touched.length).toBeGreaterThan(0);
  });
});
