/**
 * The organisation's branding: the app shows it (header, footer, accent colour), and the
 * trainer's rollout guide (tools/guide) uses the same, so screenshots look like the
 * organisation's own. The relying party puts it into index.html as a <meta> tag and a <style>.
 *
 * Runs in the browser and in Node: no DOM or Node APIs here.
 */
import { z } from 'zod';
import { type Branding, BRANDING_META_NAME, defaultBranding } from './branding-meta.js';

export { type Branding,BRANDING_META_NAME, defaultBranding };

export const brandingSchema = z.strictObject({
  /** Who rolls passkeys out, e.g. "Contoso". Empty: the lab speaks for itself. */
  organisation: z.string().trim().max(80, 'must be at most 80 characters').default(''),
  /** The app's name in the header and the page titles. */
  appName: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').default(defaultBranding.appName),
  /** Buttons, links and the logo tile: a #rrggbb colour. */
  accentColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1d4ed8')
    .transform((value) => value.toLowerCase())
    .default(defaultBranding.accentColor),
  /** A data:image URI (SVG or PNG) shown instead of the lab's key mark; null for the mark. */
  logo: z
    .string()
    .regex(/^data:image\/(?:svg\+xml|png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'must be a base64 data:image URI')
    .nullable()
    .default(null),
});
export type BrandingInput = z.input<typeof brandingSchema>;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** #rrggbb → the same colour `amount` (0–1) darker. */
export function darken(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - amount)));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Black or white, whichever reads better on the colour (WCAG relative luminance). */
export function contrastingText(hex: string): '#ffffff' | '#0b1020' {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05) / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#0b1020';
}

/**
 * What goes into index.html's <head>: the branding for the SPA, and the accent colour for the
 * light scheme (the dark scheme keeps its own lighter accent, which stays readable). The
 * default branding changes nothing.
 */
export function brandingHead(branding: Branding): string {
  const meta = `<meta name="${BRANDING_META_NAME}" content="${escapeAttribute(JSON.stringify(branding))}">`;
  const style = brandingStyle(branding);
  return style === null ? meta : `${meta}<style>${style}</style>`;
}

/**
 * The text of the <style> element brandingHead writes (null for the default branding). The
 * web server allows exactly this text in its Content-Security-Policy, by its SHA-256 hash.
 */
export function brandingStyle(branding: Branding): string | null {
  if (branding.accentColor === defaultBranding.accentColor) return null;
  const accent = branding.accentColor;
  return (
    `@media (prefers-color-scheme: light){:root{--brand:${accent};--brand-hover:${darken(accent, 0.15)};` +
    `--brand-contrast:${contrastingText(accent)}}}`
  );
}

/** index.html with the branding in its <head> and its title. */
export function brandIndexHtml(html: string, branding: Branding): string {
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeAttribute(branding.appName)}</title>`)
    .replace('</head>', `${brandingHead(branding)}</head>`);
}
