import { describe, expect, it } from 'vitest';
import { checkAuthenticatorData, checkClientData, checkPendingChallenge, checkSignCount } from './checks.js';

const expected = { type: 'webauthn.get', challenge: 'abc', origins: ['http://localhost:3000'] } as const;
const hash = new Uint8Array([1, 2, 3]);

describe('checkClientData', () => {
  const good = { type: 'webauthn.get', challenge: 'abc', origin: 'http://localhost:3000' };
  it('accepts the expected type, challenge and origin', () => expect(checkClientData(good, expected)).toBeNull());
  it('refuses the other ceremony type', () => expect(checkClientData({ ...good, type: 'webauthn.create' }, expected)).toBe('ceremony_type_mismatch'));
  it('refuses another challenge', () => expect(checkClientData({ ...good, challenge: 'abd' }, expected)).toBe('challenge_mismatch'));
  it('refuses an origin not in the list', () => expect(checkClientData({ ...good, origin: 'http://localhost:3001' }, expected)).toBe('origin_mismatch'));
  it('refuses a cross-origin iframe', () => expect(checkClientData({ ...good, crossOrigin: true }, expected)).toBe('origin_mismatch'));
});

describe('checkAuthenticatorData', () => {
  const flags = { up: true, uv: true };
  it('accepts matching rpIdHash with UP and UV', () => expect(checkAuthenticatorData({ rpIdHash: hash, flags }, hash)).toBeNull());
  it('refuses another rpIdHash', () => expect(checkAuthenticatorData({ rpIdHash: new Uint8Array([1, 2, 4]), flags }, hash)).toBe('rp_id_mismatch'));
  it('refuses a shorter rpIdHash', () => expect(checkAuthenticatorData({ rpIdHash: new Uint8Array([1, 2]), flags }, hash)).toBe('rp_id_mismatch'));
  it('requires user presence', () => expect(checkAuthenticatorData({ rpIdHash: hash, flags: { up: false, uv: true } }, hash)).toBe('user_presence_required'));
  it('requires user verification', () => expect(checkAuthenticatorData({ rpIdHash: hash, flags: { up: true, uv: false } }, hash)).toBe('user_verification_required'));
});

describe('checkSignCount', () => {
  it.each([
    [0, 0, null],
    [0, 1, null],
    [5, 6, null],
    [5, 5, 'counter_regression'],
    [5, 4, 'counter_regression'],
    [5, 0, 'counter_regression'],
  ])('stored %i, received %i → %s', (stored, received, result) => expect(checkSignCount(stored, received)).toBe(result));
});

describe('checkPendingChallenge', () => {
  it('needs a pending challenge', () => expect(checkPendingChallenge(undefined, 0)).toBe('challenge_missing'));
  it('refuses it at its expiry', () => expect(checkPendingChallenge({ expiresAt: 100 }, 100)).toBe('challenge_expired'));
  it('accepts it before', () => expect(checkPendingChallenge({ expiresAt: 100 }, 99)).toBeNull());
});
