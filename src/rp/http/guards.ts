import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_JSON_DEPTH, nestsTooDeep } from './json-depth.js';
import { errorResponse } from './rp-error.js';

export const MAX_BODY_BYTES = 64 * 1024;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

/**
 * Cross-site request guard: a state-changing request that carries an `Origin` header must
 * come from an allowed origin (browsers always send it on cross-origin POSTs).
 */
export function sameOriginOnly(origins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (STATE_CHANGING.has(c.req.method) && origin !== undefined && !origins.includes(origin)) {
      return errorResponse(c, 'forbidden_origin');
    }
    return next();
  };
}

// HTTP/1.1: a request has a body when it declares a length or a transfer coding.
const hasBody = (header: (name: string) => string | undefined) => Number(header('content-length') ?? 0) > 0 || header('transfer-encoding') !== undefined;

/** Bodies are JSON: any request with a body must say so (415 otherwise). */
export const jsonBodiesOnly: MiddlewareHandler = async (c, next) => {
  if (hasBody((name) => c.req.header(name)) && !JSON_TYPE.test(c.req.header('content-type') ?? '')) return errorResponse(c, 'unsupported_media_type');
  return next();
};

/**
 * 400 invalid_request for a JSON body that nests objects or arrays deeper than
 * MAX_JSON_DEPTH, before anything parses or echoes it. Mounted after limitBodySize: the text
 * read here is at most 64 KB, and Hono keeps it for the handler's own c.req.json().
 */
export const limitJsonNesting: MiddlewareHandler = async (c, next) => {
  if (!hasBody((name) => c.req.header(name))) return next();
  if (nestsTooDeep(await c.req.text())) {
    return errorResponse(c, 'invalid_request', `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`);
  }
  return next();
};

const countBodyBytes = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => errorResponse(c, 'payload_too_large'),
});

/**
 * 413 for bodies over 64 KB, whether or not Content-Length is declared. A declared length is
 * checked from the header alone (Node's HTTP parser holds the body to it), so the body is then
 * read once, by the handler, on @hono/node-server's fast path. Any other body (chunked, or a
 * Request without the header, as in app.request()) goes through Hono's bodyLimit, which counts
 * the bytes as they stream. That path touches `c.req.raw.body`, which builds a full web Request
 * and a ReadableStream: about 5 % of the server's CPU per ceremony when every request paid it
 * (measured with `npm run bench -- --profile`).
 */
export const limitBodySize: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const declared = c.req.header('content-length');
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(declared)) {
    return Number(declared) > MAX_BODY_BYTES ? errorResponse(c, 'payload_too_large') : next();
  }
  return countBodyBytes(c, next);
};
