import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
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

/** Bodies are JSON: any request with a body must say so (415 otherwise). */
export const jsonBodiesOnly: MiddlewareHandler = async (c, next) => {
  // HTTP/1.1: a request has a body when it declares a length or a transfer coding.
  const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
  if (hasBody && !JSON_TYPE.test(c.req.header('content-type') ?? '')) return errorResponse(c, 'unsupported_media_type');
  return next();
};

/** 413 for bodies over 64 KB, whether or not Content-Length is declared. */
export const limitBodySize: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) => errorResponse(c, 'payload_too_large'),
});
