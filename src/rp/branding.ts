/**
 * Reads the organisation's branding from the environment, once at start-up:
 * `BRAND_CONFIG` names a JSON file (the trainer kit's guide.config.json works as it is:
 * `organisation`, `appName`, `accentColor`, `logo` as a path relative to the file; other
 * fields are ignored), and `BRAND_ORGANISATION`, `BRAND_APP_NAME`, `BRAND_ACCENT_COLOR`,
 * `BRAND_LOGO` (an image file's path) override it. A bad value stops the start with a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Branding, type BrandingInput, brandingSchema } from '../shared/branding.js';

const imageTypes: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

/** An image file → a data:image URI. */
export function imageDataUri(file: string): string {
  const type = imageTypes[path.extname(file).toLowerCase()];
  if (!type) throw new Error(`the logo ${file} must be an .svg, .png, .jpg or .webp file`);
  return `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
}

/** The branding fields of a JSON file, with its logo path resolved next to the file. */
export function readBrandingFile(file: string): BrandingInput {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const pick: BrandingInput = {};
  for (const key of ['organisation', 'appName', 'accentColor'] as const) if (typeof raw[key] === 'string') pick[key] = raw[key];
  if (typeof raw.logo === 'string' && raw.logo !== '') pick.logo = imageDataUri(path.resolve(path.dirname(file), raw.logo));
  return pick;
}

export function loadBranding(env: NodeJS.ProcessEnv = process.env): Branding {
  const input: BrandingInput = env.BRAND_CONFIG?.trim() ? readBrandingFile(env.BRAND_CONFIG.trim()) : {};
  if (env.BRAND_ORGANISATION !== undefined) input.organisation = env.BRAND_ORGANISATION;
  if (env.BRAND_APP_NAME?.trim()) input.appName = env.BRAND_APP_NAME;
  if (env.BRAND_ACCENT_COLOR?.trim()) input.accentColor = env.BRAND_ACCENT_COLOR;
  if (env.BRAND_LOGO?.trim()) input.logo = imageDataUri(env.BRAND_LOGO.trim());
  const parsed = brandingSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`branding: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}
