/**
 * The branding the SPA reads from index.html, without the validation (src/shared/branding.ts
 * validates on the server, which writes the tag): this module stays free of zod, so the first
 * page's JavaScript does not grow.
 */
export interface Branding {
  organisation: string;
  appName: string;
  accentColor: string;
  logo: string | null;
}

export const defaultBranding: Branding = { organisation: '', appName: 'Passkey Lab', accentColor: '#1d4ed8', logo: null };

/** The <meta> tag the SPA reads its branding from. */
export const BRANDING_META_NAME = 'passkey-lab-branding';
