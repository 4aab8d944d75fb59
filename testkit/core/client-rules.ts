/**
 * Checks a browser makes before it talks to an authenticator. Pure functions.
 */

/** WebAuthn needs a secure context: https, or http on localhost (W3C Secure Contexts §3.1). */
export function isPotentiallyTrustworthy(origin: URL): boolean {
  if (origin.protocol === 'https:') return true;
  if (origin.protocol !== 'http:') return false;
  return origin.hostname === 'localhost' || origin.hostname.endsWith('.localhost');
}

const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/**
 * Public suffixes a site cannot use as an RP ID. Browsers consult the whole Public Suffix List;
 * the simulator knows single labels (com, org, …) and a few common multi-label suffixes.
 */
const KNOWN_PUBLIC_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'co.jp', 'co.nz', 'com.br', 'co.in',
  'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev', 'web.app', 'herokuapp.com', 'azurewebsites.net',
]);

/**
 * WebAuthn §5.1.3 step 8 / §5.1.4.1 step 8: the RP ID must equal the origin's effective domain or
 * be a registrable domain suffix of it (HTML "is a registrable domain suffix of or is equal to").
 * Returns a reason when it is not, or null when it is.
 */
export function rpIdProblem(rpId: string, origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `"${origin}" is not an origin.`;
  }
  if (!isPotentiallyTrustworthy(url)) return `${url.origin} is not a secure context (WebAuthn needs https or http://localhost).`;
  const host = url.hostname.toLowerCase();
  if (IP_HOST.test(host)) return `${host} is an IP address, not a valid domain for WebAuthn.`;
  const id = rpId.toLowerCase();
  if (!id || id !== rpId.trim().toLowerCase() || id.startsWith('.') || id.endsWith('.')) return `"${rpId}" is not a valid RP ID.`;
  if (id === host) return null;
  if (!host.endsWith(`.${id}`)) return `The RP ID "${rpId}" is not ${host} or a suffix of it.`;
  if ((!id.includes('.') && id !== 'localhost') || KNOWN_PUBLIC_SUFFIXES.has(id)) return `The RP ID "${rpId}" is a public suffix, not a registrable domain.`;
  return null;
}

/** The effective domain browsers use as the default RP ID. */
export function effectiveDomain(origin: string): string {
  return new URL(origin).hostname.toLowerCase();
}
