import { describe, expect, it } from 'vitest';
import { credentialListSchema, credentialSchema } from '../../src/shared/schemas';
import { createAuthenticator } from '../soft-authenticator';
import { count, createWorld, credentialRow, expectError, expectSignedOut, SESSION_COOKIE, snapshot } from './helpers';

async function aliceAndBob() {
  const world = createWorld();
  const alice = world.client();
  const bob = world.client();
  const aliceKey = createAuthenticator();
  const bobKey = createAuthenticator();
  const aliceVerified = await alice.register(aliceKey, 'alice', { nickname: 'Alice laptop' });
  const bobVerified = await bob.register(bobKey, 'bob', { nickname: 'Bob phone' });
  return { world, alice, bob, aliceKey, bobKey, aliceCredential: aliceVerified.credential, bobCredential: bobVerified.credential };
}

describe('not signed in', () => {
  it.each([
    ['GET', '/api/session'],
    ['GET', '/api/credentials'],
    ['PATCH', '/api/credentials/some-id'],
    ['DELETE', '/api/credentials/some-id'],
  ])('%s %s → 401 not_signed_in', async (method, path) => {
    const { world, aliceCredential } = await aliceAndBob();
    const realPath = path.replace('some-id', aliceCredential.id);
    const before = snapshot(world.db);
    const reply = await world.client().request(method, realPath, method === 'PATCH' ? { body: { nickname: 'Pwned' } } : {});
    expectError(reply, 401, 'not_signed_in');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, aliceCredential.id)?.nickname).toBe('Alice laptop');
  });
});

describe('the signed-in user’s passkeys', () => {
  it('lists only the caller’s passkeys', async () => {
    const { alice, aliceCredential } = await aliceAndBob();
    const reply = await alice.get('/api/credentials');
    expect(reply.status, reply.text).toBe(200);
    expect(credentialListSchema.parse(reply.json).credentials.map((c) => c.id)).toEqual([aliceCredential.id]);
  });

  it('renames a passkey (200 Credential, trimmed, stored)', async () => {
    const { world, alice, aliceCredential } = await aliceAndBob();
    const reply = await alice.patch(`/api/credentials/${aliceCredential.id}`, { nickname: '  Work laptop  ' });
    expect(reply.status, reply.text).toBe(200);
    const credential = credentialSchema.parse(reply.json);
    expect(credential).toEqual({ ...aliceCredential, nickname: 'Work laptop' });
    expect(credentialRow(world.db, aliceCredential.id)?.nickname).toBe('Work laptop');
    const list = credentialListSchema.parse((await alice.get('/api/credentials')).json);
    expect(list.credentials[0]?.nickname).toBe('Work laptop');
  });

  it.each([
    ['an empty nickname', { nickname: '   ' }],
    ['a nickname over 64 characters', { nickname: 'x'.repeat(65) }],
    ['a nickname that is not a string', { nickname: 42 }],
    ['no nickname', {}],
  ])('refuses %s (400 invalid_request), nickname unchanged', async (_name, body) => {
    const { world, alice, aliceCredential } = await aliceAndBob();
    expectError(await alice.patch(`/api/credentials/${aliceCredential.id}`, body), 400, 'invalid_request');
    expect(credentialRow(world.db, aliceCredential.id)?.nickname).toBe('Alice laptop');
  });

  it('deletes a passkey (204, gone from the list and the table)', async () => {
    const { world, alice, aliceCredential } = await aliceAndBob();
    const reply = await alice.delete(`/api/credentials/${aliceCredential.id}`);
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    expect(credentialRow(world.db, aliceCredential.id)).toBeUndefined();
    expect(credentialListSchema.parse((await alice.get('/api/credentials')).json).credentials).toEqual([]);
  });

  it('PATCH on another user’s passkey → 404 not_found, untouched', async () => {
    const { world, alice, bobCredential } = await aliceAndBob();
    const before = snapshot(world.db);
    expectError(await alice.patch(`/api/credentials/${bobCredential.id}`, { nickname: 'Pwned' }), 404, 'not_found');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, bobCredential.id)?.nickname).toBe('Bob phone');
  });

  it('DELETE on another user’s passkey → 404 not_found, still there and still signs in', async () => {
    const { world, alice, bobKey, bobCredential } = await aliceAndBob();
    const before = snapshot(world.db);
    expectError(await alice.delete(`/api/credentials/${bobCredential.id}`), 404, 'not_found');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, bobCredential.id)).toBeDefined();
    expect((await world.client().signIn(bobKey)).credential.id).toBe(bobCredential.id);
  });

  it('PATCH and DELETE on an id that does not exist → 404 not_found', async () => {
    const { alice } = await aliceAndBob();
    expectError(await alice.patch('/api/credentials/AAAAAAAAAAAAAAAAAAAAAA', { nickname: 'x' }), 404, 'not_found');
    expectError(await alice.delete('/api/credentials/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'not_found');
  });
});

describe('sign-out', () => {
  it('DELETE /api/session → 204, clears the cookie and ends the session server-side', async () => {
    const { world, alice } = await aliceAndBob();
    const sessionId = alice.sessionId;
    expect(sessionId).toBeTruthy();
    const sessionsBefore = count(world.db, 'sessions');

    const reply = await alice.signOut();
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    const cleared = reply.setCookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(cleared, `Set-Cookie clears ${SESSION_COOKIE}`).toBeDefined();
    expect(cleared?.value === '' || cleared?.attributes['max-age'] === '0' || Date.parse(String(cleared?.attributes.expires)) < Date.now()).toBe(true);
    expect(alice.sessionId).toBeUndefined();
    expect(count(world.db, 'sessions')).toBe(sessionsBefore - 1);
    await expectSignedOut(alice);

    // The old cookie value is dead on the server, not just forgotten by the browser.
    const replay = world.client();
    replay.cookies.set(SESSION_COOKIE, sessionId ?? '');
    await expectSignedOut(replay);
    expectError(await replay.get('/api/credentials'), 401, 'not_signed_in');
  });

  it('signing out one browser leaves the user’s other sessions alone', async () => {
    const { world, alice, aliceKey } = await aliceAndBob();
    const otherBrowser = world.client();
    await otherBrowser.signIn(aliceKey);
    expect((await alice.signOut()).status).toBe(204);
    expect((await otherBrowser.get('/api/session')).status).toBe(200);
  });
});
