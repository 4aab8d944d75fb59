import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBranding } from './branding';

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-branding-'));
}

describe('loadBranding', () => {
  it('is the lab’s own without any setting', () => {
    expect(loadBranding({})).toEqual({ organisation: '', appName: 'Passkey Lab', accentColor: '#1d4ed8', logo: null });
  });

  it('reads a guide config file (logo relative to it) and lets the variables override it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fs.writeFileSync(path.join(dir, 'guide.config.json'), JSON.stringify({ organisation: 'Contoso', appName: 'Contoso ID', accentColor: '#0f766e', logo: 'logo.svg', scenarios: ['sign-in'] }));
    const branding = loadBranding({ BRAND_CONFIG: path.join(dir, 'guide.config.json'), BRAND_APP_NAME: 'Contoso Sign-in' });
    expect(branding).toMatchObject({ organisation: 'Contoso', appName: 'Contoso Sign-in', accentColor: '#0f766e' });
    expect(branding.logo).toBe(`data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`);
  });

  it('stops with a message naming the setting', () => {
    expect(() => loadBranding({ BRAND_ACCENT_COLOR: 'teal' })).toThrow('branding: accentColor must be a colour like #1d4ed8');
    expect(() => loadBranding({ BRAND_LOGO: '/tmp/logo.gif' })).toThrow(/must be an \.svg, \.png/);
  });
});
