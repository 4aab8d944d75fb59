/** The in-memory anonymous sessions and pending ceremonies: lifetimes, caps, one answer per challenge. */
import { describe, expect, it } from 'vitest';
import { EXPIRED_CHALLENGE_GRACE_MS, PendingStore } from '../../src/rp/store/pending';
import { ANONYMOUS_SESSION_TTL_MS } from '../../src/rp/store/sessions';

const challenge = (expiresAt: number, name = 'c') => ({ challenge: name, payload: { name }, expiresAt });

describe('PendingStore', () => {
  it('an anonymous session lives 10 minutes from its last use', () => {
    const store = new PendingStore();
    store.touchAnonymous('a', 0);
    expect(store.findAnonymous('a', ANONYMOUS_SESSION_TTL_MS - 1)).toMatchObject({ id_hash: 'a', user_id: null, expires_at: ANONYMOUS_SESSION_TTL_MS });
    store.touchAnonymous('a', 5000);
    expect(store.findAnonymous('a', ANONYMOUS_SESSION_TTL_MS + 1)).toBeDefined();
    expect(store.findAnonymous('a', ANONYMOUS_SESSION_TTL_MS + 5000)).toBeUndefined();
  });

  it('a challenge is taken once; a new one for the same session and ceremony replaces it', () => {
    const store = new PendingStore();
    store.saveChallenge('a', 'authentication', challenge(100, 'first'), 0);
    store.saveChallenge('a', 'authentication', challenge(100, 'second'), 0);
    store.saveChallenge('a', 'registration', challenge(100, 'other'), 0);
    expect(store.takeChallenge('a', 'authentication')?.challenge).toBe('second');
    expect(store.takeChallenge('a', 'authentication')).toBeUndefined();
    expect(store.size).toEqual({ anonymousSessions: 0, ceremonies: 1 });
  });

  it('forgetting a session takes its challenges with it', () => {
    const store = new PendingStore();
    store.touchAnonymous('a', 0);
    store.saveChallenge('a', 'authentication', challenge(100), 0);
    store.saveChallenge('a', 'registration', challenge(100), 0);
    store.saveChallenge('b', 'registration', challenge(100), 0);
    store.forget('a');
    expect(store.size).toEqual({ anonymousSessions: 0, ceremonies: 1 });
  });

  it('an expired challenge stays for its grace (challenge_expired, not missing), then goes at the next write', () => {
    const store = new PendingStore();
    store.saveChallenge('a', 'authentication', challenge(100), 0);
    store.saveChallenge('b', 'authentication', challenge(100 + EXPIRED_CHALLENGE_GRACE_MS), 100 + EXPIRED_CHALLENGE_GRACE_MS - 1);
    expect(store.size.ceremonies).toBe(2);
    store.saveChallenge('c', 'authentication', challenge(200 + EXPIRED_CHALLENGE_GRACE_MS), 100 + EXPIRED_CHALLENGE_GRACE_MS);
    expect(store.takeChallenge('a', 'authentication')).toBeUndefined();
    expect(store.size.ceremonies).toBe(2);
  });

  it('an expired session goes with its challenges at the next write', () => {
    const store = new PendingStore();
    store.touchAnonymous('a', 0);
    store.saveChallenge('a', 'authentication', challenge(ANONYMOUS_SESSION_TTL_MS * 10), 0);
    store.touchAnonymous('b', ANONYMOUS_SESSION_TTL_MS);
    expect(store.size).toEqual({ anonymousSessions: 1, ceremonies: 0 });
  });

  it('caps both maps: the oldest go first, and a session in use again is no longer the oldest', () => {
    const store = new PendingStore({ sessions: 2, ceremonies: 2 });
    store.touchAnonymous('a', 0);
    store.touchAnonymous('b', 1);
    store.touchAnonymous('a', 2);
    store.touchAnonymous('c', 3);
    expect(['a', 'b', 'c'].map((id) => store.findAnonymous(id, 4) !== undefined)).toEqual([true, false, true]);
    for (const id of ['x', 'y', 'z']) store.saveChallenge(id, 'registration', challenge(1000), 0);
    expect(store.takeChallenge('x', 'registration')).toBeUndefined();
    expect(store.size.ceremonies).toBe(2);
  });
});
