import { describe, expect, it } from 'vitest';
import { checkChallenge, checkOrigin, checkRpIdHash, checkSignCount, checkType, checkUserPresence, checkUserVerification } from './checks.js';

const origins = ['http://localhost:3000'];
const good = { type: 'webauthn.get', challenge: 'abc', origin: 'http://localhost:3000' };
import { createHash } from 'node:crypto';
const hash = createHash('sha256').update('localhost').digest('hex');
const outcome = (check: { passed: boolean; code?: string }) => (check.passed ? 'passed' : check.code);

describe('checkChallenge', () => {
  const pending = { challenge: 'abc', expiresAt: 100 };
  it('passes the pending challenge before its expiry', () => expect(outcome(checkChallenge(pending, good, 99))).toBe('passed'));
  it('needs a pending challenge', () => expect(outcome(checkChallenge(undefined, good, 0))).toBe('challenge_missing'));
  it('refuses it at its expiry', () => expect(outcome(checkChallenge(pending, good, 100))).toBe('challenge_expired'));
  it('refuses another challenge', () => expect(outcome(checkChallenge(pending, { ...good, challenge: 'abd' }, 0))).toBe('challenge_mismatch'));
});

describe('checkOrigin and checkType', () => {
  it('passes an allowed origin', () => expect(outcome(checkOrigin(good, origins))).toBe('passed'));
  it('refuses an origin not in the list', () => expect(outcome(checkOrigin({ ...good, origin: 'http://localhost:3001' }, origins))).toBe('origin_mismatch'));
  it('refuses a cross-origin iframe', () => expect(outcome(checkOrigin({ ...good, crossOrigin: true }, origins))).toBe('origin_mismatch'));
  it('passes the expected type', () => expect(outcome(checkType(good, 'webauthn.get'))).toBe('passed'));
  it('refuses the other ceremony type', () => expect(outcome(checkType(good, 'webauthn.create'))).toBe('ceremony_type_mismatch'));
  it('says what it compared', () => expect(checkOrigin({ ...good, origin: 'https://evil.example' }, origins).message).toMatch(/https:\/\/evil\.example/));
});

describe('authenticator data checks', () => {
  it('passes a matching rpIdHash', () => expect(outcome(checkRpIdHash(hash, 'localhost'))).toBe('passed'));
  it('refuses the hash of another RP ID', () => expect(outcome(checkRpIdHash(hash, 'evil.example'))).toBe('rp_id_mismatch'));
  it('refuses a shorter rpIdHash', () => expect(outcome(checkRpIdHash(hash.slice(0, 62), 'localhost'))).toBe('rp_id_mismatch'));
  it('requires user presence', () => expect(outcome(checkUserPresence({ up: false }))).toBe('user_presence_required'));
  it('requires user verification', () => expect(outcome(checkUserVerification({ uv: false }))).toBe('user_verification_required'));
  it('passes UP and UV', () => expect([checkUserPresence({ up: true }), checkUserVerification({ uv: true })].map(outcome)).toEqual(['passed', 'passed']));
});

describe('checkSignCount', () => {
  it.each([
    [0, 0, 'passed'],
    [0, 1, 'passed'],
    [5, 6, 'passed'],
    [5, 5, 'counter_regression'],
    [5, 4, 'counter_regression'],
    [5, 0, 'counter_regression'],
  ])('stored %i, received %i → %s', (stored, received, result) => expect(outcome(checkSignCount(stored, received))).toBe(result));
});
