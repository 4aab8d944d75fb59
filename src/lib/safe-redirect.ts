/**
 * Where a `?redirect=` may send someone after signing in: only a path on this site.
 *
 * The target is resolved the way the browser will resolve it (the WHATWG URL parser, against a
 * stand-in origin) and kept only when it stays on that origin and its normalised form is
 * itself a plain path. Normalising matters: "/.//evil.example", "/..//evil.example" and
 * "/%2e//evil.example" lose their dot segment and become "//evil.example", a link to another
 * site. Refused outright: anything not starting with one "/", backslashes (URL parsers read
 * them as "/"), control characters (tabs and newlines are dropped by URL parsers and can hide
 * a "//"), and encoded slashes or backslashes in the path.
 */
const STAND_IN = 'http://same-origin.invalid';

// eslint-disable-next-line no-control-regex
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;
const ENCODED_SLASH = /%(?:2f|5c)/i;

export function safeRedirect(target: string | null | undefined, fallback = '/account'): string {
  if (!target) return fallback;
  const value = target.trim();
  if (!value.startsWith('/') || CONTROL_OR_BACKSLASH.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, STAND_IN);
  } catch {
    return fallback;
  }
  if (url.origin !== STAND_IN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isSameOriginPath(path) ? path : fallback;
}

/**
 * True when `path` is already a normalised path on this site: it resolves to itself on the
 * same origin, starts with exactly one "/", and has no encoded slash in its path. Checks a value
 * that safeRedirect produced earlier (e.g. kept in navigation state) without changing it.
 */
export function isSameOriginPath(path: unknown): path is string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || CONTROL_OR_BACKSLASH.test(path)) return false;
  let url: URL;
  try {
    url = new URL(path, STAND_IN);
  } catch {
    return false;
  }
  return url.origin === STAND_IN && `${url.pathname}${url.search}${url.hash}` === path && !ENCODED_SLASH.test(url.pathname);
}
