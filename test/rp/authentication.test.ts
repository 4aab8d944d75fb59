import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/shared/error-codes';
import { sessionSchema, verifiedSchema } from '../../src/shared/schemas';
import { type AuthenticateOverrides, type AuthenticatorOptions, createAuthenticator } from '../soft-authenticator';
import { createWorld, credentialRow, expectError, expectSignedOut, SESSION_COOKIE, snapshot } from './helpers';

/** alice registers on her own client; tests sign in from fresh clients. */
async function withAlice(settings: AuthenticatorOptions = {}) {
  const world = createWorld();
  const authenticator = createAuthenticator(settings);
  const registered = await world.client().register(authenticator, 'alice');
  return { world, authenticator, alice: registered };
}

describe('authentication: options', () => {
  it('usernameless: empty allowCredentials, user verification required, our RP ID', async () => {
    const { world } = await withAlice();
    const options = await world.client().authenticationOptions({});
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('required');
    expect(options.rpId).toBe('localhost');
    expect(Buffer.from(options.challenge, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('username-first: lists that user’s credentials with their transports', async () => {
    const world = createWorld();
    const client = world.client();
    const laptop = createAuthenticator({ transports: ['internal'] });
    const key = createAuthenticator({ transports: ['usb', 'nfc'] });
    const first = await client.register(laptop, 'alice');
    const second = await client.register(key, 'alice');
    await world.client().register(createAuthenticator(), 'bob');

    const options = await world.client().authenticationOptions({ username: 'alice' });
    const allowed = (options.allowCredentials ?? []).map((descriptor) => ({
      id: descriptor.id,
      type: descriptor.type,
      transports: [...(descriptor.transports ?? [])].sort(),
    }));
    expect(allowed.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: first.credential.id, type: 'public-key', transports: ['internal'] },
        { id: second.credential.id, type: 'public-key', transports: ['nfc', 'usb'] },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(options.userVerification).toBe('required');
  });
});

describe('authentication: happy paths', () => {
  it('usernameless sign-in: fresh session id, counter and lastUsedAt updated, GET /api/session says passkey + userVerified', async () => {
    const { world, authenticator, alice } = await withAlice();
    const client = world.client();
    world.clock.advance(60_000);
    const options = await client.authenticationOptions({});
    const anonymousSession = client.sessionId;
    expect(anonymousSession).toBeTruthy();

    const reply = await client.verifyAuthentication(await authenticator.authenticate(options));
    expect(reply.status, reply.text).toBe(200);
    const verified = verifiedSchema.parse(reply.json);
    expect(verified.user).toEqual(alice.user);
    expect(verified.credential.id).toBe(alice.credential.id);
    expect(verified.credential.signCount).toBe(1);
    expect(verified.credential.lastUsedAt).not.toBeNull();
    expect(Date.parse(verified.credential.lastUsedAt ?? '')).toBe(world.clock.now);

    expect(client.sessionId).toBeTruthy();
    expect(client.sessionId, 'session id regenerated at sign-in').not.toBe(anonymousSession);
    expect(credentialRow(world.db, alice.credential.id)).toMatchObject({ counter: 1 });
    expect(credentialRow(world.db, alice.credential.id)?.last_used_at).not.toBeNull();
    expect(world.pending.size.ceremonies).toBe(0);

    const session = await client.get('/api/session');
    expect(session.status, session.text).toBe(200);
    const parsed = sessionSchema.parse(session.json);
    expect(parsed).toMatchObject({ user: alice.user, method: 'passkey', userVerified: true });
    expect(Date.parse(parsed.signedInAt)).toBe(world.clock.now);
  });

  it('username-first sign-in works and updates the counter each time', async () => {
    const { world, authenticator, alice } = await withAlice();
    const client = world.client();
    expect((await client.signIn(authenticator, 'alice')).credential.signCount).toBe(1);
    expect((await client.signIn(authenticator, 'alice')).credential.signCount).toBe(2);
    expect(credentialRow(world.db, alice.credential.id)?.counter).toBe(2);
  });

  it('signing in again while signed in regenerates the session id and the old id stops working', async () => {
    const { world, authenticator } = await withAlice();
    const client = world.client();
    await client.signIn(authenticator);
    const oldSession = client.sessionId;
    await client.signIn(authenticator);
    expect(client.sessionId).toBeTruthy();
    expect(client.sessionId).not.toBe(oldSession);

    const stale = world.client();
    stale.cookies.set(SESSION_COOKIE, oldSession ?? '');
    await expectSignedOut(stale);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('accepts a counter that jumps ahead by more than one', async () => {
    const { world, authenticator, alice } = await withAlice();
    expect((await world.client().signIn(authenticator, undefined, { counter: 41 })).credential.signCount).toBe(41);
    expect(credentialRow(world.db, alice.credential.id)?.counter).toBe(41);
  });

  it('allows 0 → 0 for authenticators without a counter', async () => {
    const { world, authenticator, alice } = await withAlice({ counterless: true });
    expect((await world.client().signIn(authenticator)).credential.signCount).toBe(0);
    expect((await world.client().signIn(authenticator)).credential.signCount).toBe(0);
    expect(credentialRow(world.db, alice.credential.id)?.last_used_at).not.toBeNull();
  });

  it('updates backedUp when the BS flag changes at sign-in', async () => {
    const { world, authenticator, alice } = await withAlice({ backupEligible: true, backupState: false });
    expect(alice.credential.backedUp).toBe(false);
    const verified = await world.client().signIn(authenticator, undefined, { flags: { bs: true } });
    expect(verified.credential).toMatchObject({ deviceType: 'multiDevice', backedUp: true });
  });
});

describe('authentication: refusals (nothing changes, nobody is signed in)', () => {
  async function expectRefused(overrides: AuthenticateOverrides, code: ErrorCode, username?: string) {
    const { world, authenticator, alice } = await withAlice();
    // One successful sign-in so counter and lastUsedAt are non-trivial.
    await world.client().signIn(authenticator);
    const client = world.client();
    const options = await client.authenticationOptions(username ? { username } : {});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const row = credentialRow(world.db, alice.credential.id);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, overrides));
    expectError(reply, 400, code);
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, alice.credential.id)).toEqual(row);
    await expectSignedOut(client);
  }

  it.each<[string, AuthenticateOverrides, ErrorCode]>([
    ['a foreign origin in clientDataJSON', { origin: 'https://evil.example' }, 'origin_mismatch'],
    ['clientDataJSON type webauthn.create', { type: 'webauthn.create' }, 'ceremony_type_mismatch'],
    ['an rpIdHash for another RP ID', { rpId: 'evil.example' }, 'rp_id_mismatch'],
    ['no user presence (UP=0)', { flags: { up: false } }, 'user_presence_required'],
    ['no user verification (UV=0)', { flags: { uv: false } }, 'user_verification_required'],
    ['a signature that does not verify', { badSignature: true }, 'signature_invalid'],
    ['a different challenge', { challenge: Buffer.from('not the challenge that was issued').toString('base64url') }, 'challenge_mismatch'],
  ])('refuses %s', async (_name, overrides, code) => {
    await expectRefused(overrides, code);
  });

  it('refuses a bad signature in username-first sign-in too', async () => {
    await expectRefused({ badSignature: true }, 'signature_invalid', 'alice');
  });

  it('refuses an unknown credential (credential_not_found)', async () => {
    const { world } = await withAlice();
    // A passkey made at another Passkey Lab instance: real, but unknown here.
    const elsewhere = createWorld();
    const stranger = createAuthenticator();
    await elsewhere.client().register(stranger, 'alice');

    const client = world.client();
    const options = await client.authenticationOptions({});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await stranger.authenticate(options));
    expectError(reply, 400, 'credential_not_found');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it('refuses a deleted credential (credential_not_found)', async () => {
    const world = createWorld();
    const owner = world.client();
    const authenticator = createAuthenticator();
    const alice = await owner.register(authenticator, 'alice');
    expect((await owner.delete(`/api/credentials/${alice.credential.id}`)).status).toBe(204);

    const client = world.client();
    const options = await client.authenticationOptions({});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options));
    expectError(reply, 400, 'credential_not_found');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it('username-first: refuses a passkey of another account (credential_not_allowed)', async () => {
    const { world, alice } = await withAlice();
    const bobKey = createAuthenticator();
    const bob = await world.client().register(bobKey, 'bob');

    const client = world.client();
    const options = await client.authenticationOptions({ username: 'alice' });
    expect((options.allowCredentials ?? []).map((d) => d.id)).toEqual([alice.credential.id]);
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await bobKey.authenticate(options, { credentialId: bob.credential.id }));
    expectError(reply, 400, 'credential_not_allowed');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it('usernameless: refuses an assertion without a user handle (user_handle_mismatch)', async () => {
    const { world, authenticator } = await withAlice();
    const client = world.client();
    const options = await client.authenticationOptions({});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, { userHandle: null }));
    expectError(reply, 400, 'user_handle_mismatch');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it('username-first with an unknown username: any passkey is refused (credential_not_allowed)', async () => {
    const { world, authenticator } = await withAlice();
    const client = world.client();
    const options = await client.authenticationOptions({ username: 'nobody' });
    // Stand-in credential ids, so the answer does not reveal that the name is unknown (strict-enumeration.test.ts).
    expect(options.allowCredentials?.length).toBeGreaterThan(0);
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, { credentialId: (await authenticator.credentials())[0]!.id }));
    expectError(reply, 400, 'credential_not_allowed');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it('refuses a user handle that is not the credential owner’s (user_handle_mismatch)', async () => {
    const { world, authenticator } = await withAlice();
    const bobKey = createAuthenticator();
    await world.client().register(bobKey, 'bob');
    const bobHandle = (await bobKey.credentials())[0]?.userHandle;
    expect(bobHandle).toBeTruthy();

    const client = world.client();
    const options = await client.authenticationOptions({});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, { userHandle: bobHandle }));
    expectError(reply, 400, 'user_handle_mismatch');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it.each([
    ['equal to the stored one', 2],
    ['lower than the stored one', 1],
    ['zero after a non-zero one', 0],
  ])('refuses a signCount %s (counter_regression)', async (_name, counter) => {
    const { world, authenticator, alice } = await withAlice();
    await world.client().signIn(authenticator);
    await world.client().signIn(authenticator);
    expect(credentialRow(world.db, alice.credential.id)?.counter).toBe(2);

    const client = world.client();
    const options = await client.authenticationOptions({});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, { counter }));
    expectError(reply, 400, 'counter_regression');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, alice.credential.id)?.counter).toBe(2);
    await expectSignedOut(client);
  });

  it('refuses 5 → 5 after the counter jumped from 0 to 5 (counter_regression)', async () => {
    const { world, authenticator, alice } = await withAlice();
    await world.client().signIn(authenticator, undefined, { counter: 5 });
    const client = world.client();
    const options = await client.authenticationOptions({});
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options, { counter: 5 }));
    expectError(reply, 400, 'counter_regression');
    expect(credentialRow(world.db, alice.credential.id)?.counter).toBe(5);
  });
});
