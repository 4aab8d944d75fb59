import { Hono } from 'hono';
import { errorResponse } from '../http/rp-error.js';

/**
 * WebAuthn Related Origin Requests: GET /.well-known/webauthn lists the other origins that
 * may use this RP ID (`{ "origins": [...] }`, application/json). Without configured origins
 * the document does not exist: 404 not_found. Mount at the site root, not under /api.
 */
export function wellKnownRoutes(relatedOrigins: readonly string[]) {
  const origins = [...new Set(relatedOrigins.map((origin) => origin.trim()).filter(Boolean))];
  return new Hono().get('/.well-known/webauthn', (c) => {
    if (origins.length === 0) return errorResponse(c, 'not_found', 'This relying party lists no related origins (RELATED_ORIGINS is not set).');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({ origins });
  });
}
