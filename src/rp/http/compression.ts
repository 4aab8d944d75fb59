import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/**
 * Answers smaller than this go as they are. The ceremony answers (2.6–3.5 KB, most of it the
 * report) sit below it: gzip would save them 1.3–1.9 KB, which still arrives in the same round
 * trip (TCP's first window is about 14 KB, RFC 6928), and it cost the server about 0.3 ms per
 * ceremony: 12–20 % of the sign-ins per second, measured with the bench's load generator.
 * Larger answers (the policy, the sign-in log, the inspector's) are compressed.
 */
export const COMPRESSION_THRESHOLD_BYTES = 4 * 1024;

export type Encoding = 'br' | 'gzip';

/** JSON and HTML answers are built in memory, so they are compressed here; static assets come pre-compressed. */
const COMPRESSIBLE_TYPE = /^(?:application\/(?:[\w.+-]+\+)?json|text\/html)\b/i;

/**
 * The encoding to answer with, from an `Accept-Encoding` header (RFC 9110 §12.5.3): the client's
 * highest q-value wins, ties go to `preference`; q=0 refuses a coding; `*` stands for any coding
 * not named; `identity` (no header, or nothing acceptable) gives null.
 */
export function negotiateEncoding(acceptEncoding: string | undefined | null, preference: readonly Encoding[] = ['br', 'gzip']): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: Encoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = [...preference].filter((coding) => weightOf(coding) > 0).sort((a, b) => weightOf(b) - weightOf(a))[0];
  return best ?? null;
}

/**
 * Compresses for a dynamic answer: gzip at level 6 or brotli at quality 4 (the last of its fast
 * levels). On the lab's JSON both save more than half (a 3.2 KB registration answer: 1,276 bytes
 * with gzip 6, 1,284 with brotli 4) and gzip takes about half the time, so dynamic answers
 * prefer gzip (DYNAMIC_PREFERENCE). Sync on purpose: the thread pool is kept for signature
 * checks and scrypt.
 */
export function compressBody(body: Uint8Array, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
    : gzipSync(body, { level: 6 });
}

/** Codings for answers compressed per request, cheapest first (static files prefer brotli, made once at build). */
export const DYNAMIC_PREFERENCE: readonly Encoding[] = ['gzip', 'br'];

/** Adds `Accept-Encoding` to `Vary` once. */
export function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (!vary) headers.set('Vary', 'Accept-Encoding');
  else if (!/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/**
 * The body of an answer that @hono/node-server has not turned into a stream: its Response keeps a
 * string or bytes as given and writes them out in one go, whereas reading `.body` builds a
 * ReadableStream and sends the answer the slow way. That cache is internal to @hono/node-server,
 * so anything else (app.request() in tests, a future version) gives undefined and the body is read.
 */
function pendingBody(response: Response): string | Uint8Array | undefined {
  const key = Object.getOwnPropertySymbols(response).find((symbol) => symbol.description === 'cache');
  const cache: unknown = key === undefined ? undefined : (response as unknown as Record<symbol, unknown>)[key];
  const body: unknown = Array.isArray(cache) ? cache[1] : undefined;
  return typeof body === 'string' || body instanceof Uint8Array ? body : undefined;
}

/**
 * Compresses JSON and HTML answers of `threshold` bytes or more with gzip or brotli, as the
 * client accepts (gzip on a tie). An answer that already has a Content-Encoding (a pre-compressed
 * asset) is left alone; every answer big enough to be compressed says `Vary: Accept-Encoding`,
 * so a cache never hands a compressed body to a client that did not ask for one. Smaller answers
 * are not touched at all when their body can be sized without reading it.
 */
export function compressResponses({ threshold = COMPRESSION_THRESHOLD_BYTES }: { threshold?: number } = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    // Headers and status first: they are cheap.
    if (c.req.method === 'HEAD' || response.headers.has('Content-Encoding')) return;
    if (!COMPRESSIBLE_TYPE.test(response.headers.get('Content-Type') ?? '')) return;
    if (response.status === 204 || response.status === 304 || response.status === 206) return;
    const pending = pendingBody(response);
    if (pending !== undefined && (typeof pending === 'string' ? Buffer.byteLength(pending) : pending.byteLength) < threshold) return;
    if (pending === undefined && !response.body) return;
    const body = pending === undefined ? new Uint8Array(await response.arrayBuffer()) : typeof pending === 'string' ? Buffer.from(pending) : pending;
    const encoding = body.byteLength >= threshold ? negotiateEncoding(c.req.header('Accept-Encoding'), DYNAMIC_PREFERENCE) : null;
    const compressed = encoding ? compressBody(body, encoding) : undefined;
    const headers = new Headers(response.headers);
    if (body.byteLength >= threshold) varyOnAcceptEncoding(headers);
    if (compressed && encoding) {
      headers.set('Content-Encoding', encoding);
      headers.set('Content-Length', String(compressed.byteLength));
    }
    // Clear first: Hono's setter would otherwise copy the old answer's headers over by reading
    // the new body as a stream.
    c.res = undefined;
    // Node's buffers here never sit on a SharedArrayBuffer, which is all the type guards against.
    c.res = new Response((compressed ?? body) as Uint8Array<ArrayBuffer>, { status: response.status, headers });
  };
}
