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

/** 413 for bodies over 64 KB, whether or not Content-Length is declared. */
export const limitBodySize: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => errorResponse(c, 'payload_too_large'),
});
