import { describe, expect, it } from 'vitest';
import { brandIndexHtml, brandingSchema, contrastingText, darken, defaultBranding } from './branding';

const html = '<html><head><title>Passkey Lab</title></head><body></body></html>';

describe('branding', () => {
  it('leaves the page as it is, but for the meta tag, with the default branding', () => {
    const branded = brandIndexHtml(html, defaultBranding);
    expect(branded).toContain('<title>Passkey Lab</title>');
    expect(branded).not.toContain('<style>');
    expect(branded).toContain('<meta name="passkey-lab-branding" content="{&quot;organisation&quot;:&quot;&quot;');
  });

  it('puts the app name in the title and the accent colour in the light scheme', () => {
    const branded = brandIndexHtml(html, brandingSchema.parse({ organisation: 'Contoso', appName: 'Contoso <Sign-in>', accentColor: '#0F766E' }));
    expect(branded).toContain('<title>Contoso &lt;Sign-in&gt;</title>');
    expect(branded).toContain('@media (prefers-color-scheme: light){:root{--brand:#0f766e;--brand-hover:#0d645e;--brand-contrast:#ffffff}}');
  });

  it.each([
    ['#ffffff', '#0b1020'],
    ['#fde047', '#0b1020'],
    ['#1d4ed8', '#ffffff'],
    ['#000000', '#ffffff'],
  ])('text on %s is %s', (colour, text) => {
    expect(contrastingText(colour)).toBe(text);
  });

  it('darkens a colour', () => {
    expect(darken('#ff8000', 0.5)).toBe('#804000');
  });

  it.each([
    [{ accentColor: 'blue' }, 'accentColor'],
    [{ appName: '' }, 'appName'],
    [{ logo: 'https://example.com/logo.png' }, 'logo'],
    [{ organisation: 'x'.repeat(81) }, 'organisation'],
  ])('refuses %j', (input, field) => {
    const parsed = brandingSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});
