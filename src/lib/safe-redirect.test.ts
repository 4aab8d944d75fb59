import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeRedirect('/account')).toBe('/account');
    expect(safeRedirect('/account?tab=keys#list')).toBe('/account?tab=keys#list');
  });

  it('falls back when there is no target', () => {
    expect(safeRedirect(null)).toBe('/account');
    expect(safeRedirect(undefined)).toBe('/account');
    expect(safeRedirect('', '/')).toBe('/');
  });

  it.each([
    'https://evil.example/account',
    '//evil.example/account',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'account',
    '/\t/evil.example',
    '/%0a/evil.example'.replace('%0a', '\n'),
  ])('refuses %j', (target) => {
    expect(safeRedirect(target, '/fallback')).toBe('/fallback');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeRedirect('/a/../account')).toBe('/account');
    expect(safeRedirect('/../../account')).toBe('/account');
  });
});
