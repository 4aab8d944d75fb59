import { describe, expect, it } from 'vitest';
import { isStrongSignIn, RECENT_SIGN_IN_WINDOW_MS, recentSignInDecision } from './recent-sign-in';

const now = Date.parse('2026-11-30T10:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('isStrongSignIn', () => {
  it('counts a user-verified passkey, a Temporary Access Pass and a user-verified hand-off', () => {
    expect(isStrongSignIn({ method: 'passkey', userVerified: true })).toBe(true);
    expect(isStrongSignIn({ method: 'temporaryAccessPass', userVerified: false })).toBe(true);
    expect(isStrongSignIn({ method: 'handoff', userVerified: true })).toBe(true);
  });

  it('does not count a passkey or hand-off without user verification, or no sign-in', () => {
    expect(isStrongSignIn({ method: 'passkey', userVerified: false })).toBe(false);
    expect(isStrongSignIn({ method: 'handoff', userVerified: false })).toBe(false);
    expect(isStrongSignIn({ method: null, userVerified: false })).toBe(false);
  });
});

describe('recentSignInDecision', () => {
  const strong = { method: 'passkey' as const, userVerified: true };

  it('allows within five minutes, the edge included', () => {
    expect(RECENT_SIGN_IN_WINDOW_MS).toBe(300_000);
    expect(recentSignInDecision({ ...strong, signedInAt: ago(0) }, now)).toEqual({ allowed: true });
    expect(recentSignInDecision({ ...strong, signedInAt: ago(300_000) }, now)).toEqual({ allowed: true });
  });

  it('refuses a moment after five minutes, saying when the sign-in was', () => {
    expect(recentSignInDecision({ ...strong, signedInAt: ago(300_001) }, now)).toEqual({
      allowed: false,
      why: 'tooOld',
      signedInAt: ago(300_001),
      ageMs: 300_001,
    });
  });

  it('takes a shorter window when given one', () => {
    expect(recentSignInDecision({ ...strong, signedInAt: ago(5_000) }, now, 4_000)).toMatchObject({ allowed: false, why: 'tooOld' });
  });

  it('refuses a sign-in time in the future, missing or unreadable', () => {
    expect(recentSignInDecision({ ...strong, signedInAt: ago(-1_000) }, now)).toMatchObject({ allowed: false, why: 'tooOld' });
    expect(recentSignInDecision({ ...strong, signedInAt: null }, now)).toMatchObject({ allowed: false, why: 'tooOld', ageMs: null });
    expect(recentSignInDecision({ ...strong, signedInAt: 'yesterday' }, now)).toMatchObject({ allowed: false, why: 'tooOld' });
  });

  it('refuses a recent sign-in that was not strong', () => {
    expect(recentSignInDecision({ method: 'passkey', userVerified: false, signedInAt: ago(0) }, now)).toMatchObject({ allowed: false, why: 'notStrong' });
  });

  it('allows a fresh Temporary Access Pass sign-in and a fresh hand-off', () => {
    expect(recentSignInDecision({ method: 'temporaryAccessPass', userVerified: false, signedInAt: ago(60_000) }, now)).toEqual({ allowed: true });
    expect(recentSignInDecision({ method: 'handoff', userVerified: true, signedInAt: ago(60_000) }, now)).toEqual({ allowed: true });
  });
});
