/**
 * Returns `target` when it is a path on this site ("/account", "/account?tab=1"), otherwise
 * `fallback`. Blocks absolute URLs, protocol-relative ("//evil.example") and backslash tricks
 * ("/\\evil.example") so a crafted ?redirect= cannot send someone to another site.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/account'): string {
  if (!target) return fallback;
  const value = target.trim();
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and can hide a "//".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  try {
    const base = 'http://same.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
