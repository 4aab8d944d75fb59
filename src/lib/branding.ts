/**
 * The organisation's branding as the server put it into index.html (src/shared/branding.ts
 * validates and writes it): the app's name, the organisation, the logo. Read once; the lab's
 * own branding when the tag is missing or broken.
 */
import { type Branding, BRANDING_META_NAME, defaultBranding } from '../shared/branding-meta';

let cached: Branding | undefined;

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);

export function branding(): Branding {
  if (cached) return cached;
  cached = defaultBranding;
  const content = globalThis.document?.querySelector<HTMLMetaElement>(`meta[name="${BRANDING_META_NAME}"]`)?.content;
  try {
    const value = (content ? JSON.parse(content) : {}) as Record<string, unknown>;
    cached = {
      organisation: text(value.organisation, defaultBranding.organisation),
      appName: text(value.appName, defaultBranding.appName) || defaultBranding.appName,
      accentColor: text(value.accentColor, defaultBranding.accentColor),
      logo: typeof value.logo === 'string' && value.logo.startsWith('data:image/') ? value.logo : null,
    };
  } catch {
    // A broken tag: the lab's own branding rather than a broken page.
  }
  return cached;
}
