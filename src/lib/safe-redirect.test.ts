import { describe, expect, it } from 'vitest';
import { isSameOriginPath, safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('keeps a path on this site, with its query and hash', () => {
    expect(safeRedirect('/account')).toBe('/account');
    expect(safeRedirect('/account?tab=keys#list')).toBe('/account?tab=keys#list');
    expect(safeRedirect('/apps/sensitive?next=%2Faccount')).toBe('/apps/sensitive?next=%2Faccount');
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
    '/\n/evil.example',
    '/\r\n/evil.example',
    // dot segments that leave "//" behind once the URL is normalised
    '/.//evil.example',
    '/..//evil.example',
    '/./..//evil.example/account',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/a/..//evil.example',
    '/a/%2e%2e//evil.example',
    // encoded and backslash variants of the second slash
    '/%2f/evil.example',
    '/%2F%2Fevil.example',
    '/%5c/evil.example',
    '/.\\/evil.example',
    '/\\/evil.example',
    // whitespace and control characters
    ' //evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
  ])('refuses %j', (target) => {
    expect(safeRedirect(target, '/fallback')).toBe('/fallback');
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeRedirect('/a/../account')).toBe('/account');
    expect(safeRedirect('/../../account')).toBe('/account');
    expect(safeRedirect('/%2e%2e/account')).toBe('/account');
  });

  it('is idempotent: what it returns passes again unchanged', () => {
    for (const target of ['/account', '/a/../account?x=1#y', '/../apps/sensitive', '/x?redirect=//evil.example']) {
      const once = safeRedirect(target, '/fallback');
      expect(safeRedirect(once, '/fallback')).toBe(once);
      expect(isSameOriginPath(once)).toBe(true);
    }
  });
});

describe('isSameOriginPath', () => {
  it.each(['/account', '/apps/sensitive?x=1', '/account#passkeys'])('accepts the normalised path %j', (path) => expect(isSameOriginPath(path)).toBe(true));
  it.each(['//evil.example', '/./account', '/a/../account', '/%2f/evil', 'https://evil.example', '/\\evil', 'account', 42, null])('refuses %j', (path) =>
    expect(isSameOriginPath(path)).toBe(false));
});
