/**
 * Security headers on every answer: a Content-Security-Policy, X-Content-Type-Options and
 * Referrer-Policy. Pages (the SPA shell and its files) get a policy that lets the SPA load its
 * own scripts, styles and images and nothing else; API answers, which are JSON and never
 * rendered, get one that allows nothing at all. Both forbid framing (`frame-ancestors 'none'`),
 * so a signed-in page cannot be overlaid by another site (clickjacking).
 *
 * Sources: CSP Level 3 (https://www.w3.org/TR/CSP3/), Referrer Policy
 * (https://www.w3.org/TR/referrer-policy/), OWASP's REST security cheat sheet for the API policy.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * `same-origin`: the full URL to the lab itself, nothing at all to other sites (a hand-off
 * link's id never leaves). Not `no-referrer`: under it the Fetch standard ("append a request
 * Origin header") has browsers send `Origin: null` on the SPA's own POSTs (Chromium sends the
 * origin anyway; others may not), which the lab's cross-site guard would have to refuse.
 */
export const REFERRER_POLICY = 'same-origin';

/** For JSON answers: nothing may load, run or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * For the SPA. Its built files are all same-origin; brand logos and provider icons are data:
 * image URIs; the QR code is inline SVG markup (no style attributes). `styleHashes` are the
 * SHA-256 sources of inline <style> elements the server writes itself (the brand colour).
 */
export function pageCsp(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The CSP source that allows one inline <style> element whose text is `css`. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** Sets the three headers on the way out, unless an inner handler already chose its own policy. */
export function securityHeaders(csp: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Some responses (Response.redirect, fetched ones) have immutable headers: copy those first.
    if (!canSetHeaders(c.res.headers)) c.res = new Response(c.res.body, c.res);
    const { headers } = c.res;
    if (!headers.has('content-security-policy')) headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', REFERRER_POLICY);
  };
}

function canSetHeaders(headers: Headers): boolean {
  try {
    headers.set('X-Content-Type-Options', 'nosniff');
    return true;
  } catch {
    return false;
  }
}
