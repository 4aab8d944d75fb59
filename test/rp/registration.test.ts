import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { credentialListSchema, sessionSchema, verifiedSchema } from '../../src/shared/schemas';
import { createAuthenticator, fromB64url, randomAaguid, type RegisterOverrides, ZERO_AAGUID } from '../soft-authenticator';
import { count, createWorld, expectError, expectSignedOut, MICROSOFT_IOS, SESSION_COOKIE, snapshot, testConfig } from './helpers';

describe('registration: happy path', () => {
  it('creates the user and the credential, signs the caller in under a new session id, and answers in the contract shapes', async () => {
    const world = createWorld();
    const client = world.client();
    const authenticator = createAuthenticator();

    const options = await client.registrationOptions({ username: 'alice', displayName: 'Alice Liddell' });
    const anonymousSession = client.sessionId;
    expect(anonymousSession, 'options bind the challenge to a (new) session cookie').toBeTruthy();

    const response = await authenticator.register(options);
    const reply = await client.verifyRegistration(response, { nickname: 'Work laptop' });
    expect(reply.status, reply.text).toBe(200);
    const verified = verifiedSchema.parse(reply.json);
    expect(verified.user).toMatchObject({ username: 'alice', displayName: 'Alice Liddell' });
    expect(verified.credential).toMatchObject({
      id: response.id,
      nickname: 'Work laptop',
      aaguid: ZERO_AAGUID,
      providerName: null,
      deviceType: 'singleDevice',
      backedUp: false,
      transports: ['internal'],
      signCount: 0,
      lastUsedAt: null,
    });

    expect(count(world.db, 'users')).toBe(1);
    expect(count(world.db, 'credentials')).toBe(1);
    expect(world.pending.size.ceremonies, 'the challenge is consumed').toBe(0);
    expect(client.sessionId, 'the session id is regenerated at sign-in').toBeTruthy();
    expect(client.sessionId).not.toBe(anonymousSession);

    const session = await client.get('/api/session');
    expect(session.status, session.text).toBe(200);
    expect(sessionSchema.parse(session.json)).toMatchObject({ user: verified.user, method: 'passkey', userVerified: true });

    const list = await client.get('/api/credentials');
    expect(list.status, list.text).toBe(200);
    expect(credentialListSchema.parse(list.json).credentials).toEqual([verified.credential]);
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, not Secure over http', async () => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    const reply = await client.verifyRegistration(await createAuthenticator().register(options));
    const cookie = reply.setCookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie?.attributes.httponly).toBe(true);
    expect(String(cookie?.attributes.samesite).toLowerCase()).toBe('lax');
    expect(cookie?.attributes.secure).toBeUndefined();
  });

  it('marks the session cookie Secure when config.secureCookies is set', async () => {
    const world = createWorld({ ...testConfig(), origins: ['https://localhost:3000'], secureCookies: true });
    const reply = await world.client().post('/api/registration/options', { username: 'alice' }, { origin: 'https://localhost:3000' });
    expect(reply.status, reply.text).toBe(200);
    const cookie = reply.setCookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.attributes.secure).toBe(true);
    expect(cookie?.attributes.httponly).toBe(true);
  });

  it('uses the nickname default when none is given (a non-empty name)', async () => {
    const world = createWorld();
    const verified = await world.client().register(createAuthenticator(), 'alice');
    expect(verified.credential.nickname.trim().length).toBeGreaterThan(0);
  });
});

describe('registration: options', () => {
  it('ask for a discoverable, user-verified credential with EdDSA, ES256 and RS256, credProps and no attestation', async () => {
    const world = createWorld();
    const options = await world.client().registrationOptions({ username: 'alice', displayName: 'Alice' });
    expect(options.rp).toMatchObject({ id: 'localhost', name: 'Passkey Lab' });
    expect(options.authenticatorSelection?.residentKey).toBe('required');
    expect(options.authenticatorSelection?.userVerification).toBe('required');
    const algorithms = options.pubKeyCredParams.map((param) => param.alg);
    expect(algorithms).toEqual(expect.arrayContaining([-8, -7, -257]));
    expect(options.pubKeyCredParams.every((param) => param.type === 'public-key')).toBe(true);
    expect(options.extensions?.credProps).toBe(true);
    expect(options.attestation ?? 'none').toBe('none');
    expect(options.user.name).toBe('alice');
    expect(options.user.displayName).toBe('Alice');
    expect(fromB64url(options.challenge).length).toBeGreaterThanOrEqual(16);
    expect(options.excludeCredentials ?? []).toEqual([]);
    expect(options.hints ?? []).toEqual([]);
    expect(options.authenticatorSelection?.authenticatorAttachment).toBeUndefined();
    expect(world.pending.size.ceremonies).toBe(1);
    expect(count(world.db, 'users'), 'no account before the registration verifies').toBe(0);
  });

  it('use random bytes as user handle, never the username', async () => {
    const world = createWorld();
    const first = await world.client().registrationOptions({ username: 'alice' });
    // Long enough that 32 random bytes do not spell it by chance (as "bob" can, about 1 in 500,000).
    const second = await world.client().registrationOptions({ username: 'robert' });
    for (const options of [first, second]) {
      const handle = fromB64url(options.user.id);
      expect(handle.length).toBeGreaterThanOrEqual(16);
      expect(options.user.id).not.toBe(options.user.name);
      expect(handle.toString('utf8')).not.toContain(options.user.name);
    }
    expect(first.user.id).not.toBe(second.user.id);
  });

  it.each([
    ['client-device', 'platform'],
    ['security-key', 'cross-platform'],
    ['hybrid', 'cross-platform'],
  ] as const)('map hint %s to hints and authenticatorAttachment %s', async (hint, attachment) => {
    const world = createWorld();
    const options = await world.client().registrationOptions({ username: 'alice', hint });
    expect(options.hints).toEqual([hint]);
    expect(options.authenticatorSelection?.authenticatorAttachment).toBe(attachment);
  });
});

describe('registration: what the RP records about the authenticator', () => {
  it('names the provider from the AAGUID (Microsoft Authenticator on iOS)', async () => {
    const world = createWorld();
    const client = world.client();
    const verified = await client.register(createAuthenticator({ aaguid: MICROSOFT_IOS }), 'alice');
    expect(verified.credential.aaguid).toBe(MICROSOFT_IOS);
    expect(verified.credential.providerName).toBe('Microsoft Authenticator (iOS)');
    const list = credentialListSchema.parse((await client.get('/api/credentials')).json);
    expect(list.credentials[0]?.providerName).toBe('Microsoft Authenticator (iOS)');
  });

  it('has no provider name for an unknown AAGUID, and stores it lowercase', async () => {
    const world = createWorld();
    const aaguid = randomAaguid().toUpperCase();
    const verified = await world.client().register(createAuthenticator({ aaguid }), 'alice');
    expect(verified.credential.aaguid).toBe(aaguid.toLowerCase());
    expect(verified.credential.providerName).toBeNull();
  });

  it('reports BE+BS as a synced (multiDevice) passkey that is backed up', async () => {
    const world = createWorld();
    const verified = await world.client().register(createAuthenticator({ backupEligible: true, backupState: true }), 'alice');
    expect(verified.credential).toMatchObject({ deviceType: 'multiDevice', backedUp: true });
  });

  it('reports BE without BS as multiDevice but not (yet) backed up', async () => {
    const world = createWorld();
    const verified = await world.client().register(createAuthenticator({ backupEligible: true }), 'alice');
    expect(verified.credential).toMatchObject({ deviceType: 'multiDevice', backedUp: false });
  });

  it('keeps the transports the browser reported', async () => {
    const world = createWorld();
    const verified = await world.client().register(createAuthenticator({ transports: ['usb', 'nfc'] }), 'alice');
    expect([...verified.credential.transports].sort()).toEqual(['nfc', 'usb']);
  });
});

describe('registration: adding a passkey while signed in', () => {
  it('lists the existing passkeys in excludeCredentials, keeps the user handle and attaches the new passkey to the same account', async () => {
    const world = createWorld();
    const client = world.client();
    const laptop = createAuthenticator();
    const firstOptions = await client.registrationOptions({ username: 'alice' });
    const first = await client.verifyRegistration(await laptop.register(firstOptions));
    const alice = verifiedSchema.parse(first.json);

    const options = await client.registrationOptions({ username: 'alice' });
    expect(options.excludeCredentials?.map((descriptor) => descriptor.id)).toEqual([alice.credential.id]);
    expect(options.user.id, 'same WebAuthn user handle for every passkey of the account').toBe(firstOptions.user.id);
    await expect(laptop.register(options), 'the laptop refuses: it already holds a passkey for this account').rejects.toHaveProperty('name', 'InvalidStateError');

    const phone = createAuthenticator({ aaguid: MICROSOFT_IOS, backupEligible: true, backupState: true });
    const reply = await client.verifyRegistration(await phone.register(options), { nickname: 'Phone' });
    expect(reply.status, reply.text).toBe(200);
    const added = verifiedSchema.parse(reply.json);
    expect(added.user).toEqual(alice.user);
    expect(count(world.db, 'users')).toBe(1);

    const list = credentialListSchema.parse((await client.get('/api/credentials')).json);
    expect(list.credentials.map((credential) => credential.id).sort()).toEqual([alice.credential.id, added.credential.id].sort());

    // Both passkeys sign in to the same account.
    const other = world.client();
    expect((await other.signIn(phone)).user).toEqual(alice.user);
  });

  it('never creates or touches another account when the signed-in user names a different username', async () => {
    const world = createWorld();
    const client = world.client();
    const alice = await client.register(createAuthenticator(), 'alice');
    const reply = await client.post('/api/registration/options', { username: 'mallory' });
    if (reply.status === 200) {
      const { options } = reply.json as { options: PublicKeyCredentialCreationOptionsJSON };
      const verify = await client.verifyRegistration(await createAuthenticator().register(options));
      expect(verify.status, verify.text).toBe(200);
      expect(verifiedSchema.parse(verify.json).user).toEqual(alice.user);
    } else {
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    }
    expect(world.db.prepare("SELECT COUNT(*) AS n FROM users WHERE username = 'mallory'").get()).toEqual({ n: 0 });
  });
});

describe('registration: refusals', () => {
  it('refuses a username that is already registered (409 username_taken) and stores nothing', async () => {
    const world = createWorld();
    await world.client().register(createAuthenticator(), 'alice');
    const before = snapshot(world.db);
    const stranger = world.client();
    const reply = await stranger.post('/api/registration/options', { username: 'alice' });
    expectError(reply, 409, 'username_taken');
    expect(snapshot(world.db)).toEqual(before);
    expect(world.pending.size.ceremonies).toBe(0);
    await expectSignedOut(stranger);
  });

  it('treats usernames case-insensitively (ALICE is taken when alice exists)', async () => {
    const world = createWorld();
    await world.client().register(createAuthenticator(), 'alice');
    expectError(await world.client().post('/api/registration/options', { username: 'ALICE' }), 409, 'username_taken');
  });

  it('refuses at verify time when someone else took the username after the options were issued', async () => {
    const world = createWorld();
    const first = world.client();
    const second = world.client();
    const firstOptions = await first.registrationOptions({ username: 'carol' });
    const secondOptions = await second.registrationOptions({ username: 'carol' });
    expect((await first.verifyRegistration(await createAuthenticator().register(firstOptions))).status).toBe(200);
    const before = snapshot(world.db);
    const reply = await second.verifyRegistration(await createAuthenticator().register(secondOptions));
    expectError(reply, 409, 'username_taken');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(second);
  });

  it('refuses a credential id that is already registered (409 credential_already_registered), leaving the original untouched', async () => {
    const world = createWorld();
    const alice = await world.client().register(createAuthenticator(), 'alice');
    const before = snapshot(world.db);
    const mallory = world.client();
    const options = await mallory.registrationOptions({ username: 'mallory' });
    const reply = await mallory.verifyRegistration(await createAuthenticator().register(options, { credentialId: alice.credential.id }));
    expectError(reply, 409, 'credential_already_registered');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(mallory);
  });

  it.each<[string, RegisterOverrides, 'origin_mismatch' | 'ceremony_type_mismatch' | 'rp_id_mismatch' | 'user_presence_required' | 'user_verification_required' | 'challenge_mismatch']>([
    ['a foreign origin in clientDataJSON', { origin: 'https://evil.example' }, 'origin_mismatch'],
    ['an origin that differs only by port', { origin: 'http://localhost:5173' }, 'origin_mismatch'],
    ['clientDataJSON type webauthn.get', { type: 'webauthn.get' }, 'ceremony_type_mismatch'],
    ['an rpIdHash for another RP ID', { rpId: 'evil.example' }, 'rp_id_mismatch'],
    ['no user presence (UP=0)', { flags: { up: false } }, 'user_presence_required'],
    ['no user verification (UV=0)', { flags: { uv: false } }, 'user_verification_required'],
    ['a different challenge', { challenge: Buffer.from('not the challenge that was issued').toString('base64url') }, 'challenge_mismatch'],
  ])('refuses %s and stores nothing', async (_name, overrides, code) => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    const before = snapshot(world.db);
    const reply = await client.verifyRegistration(await createAuthenticator().register(options, overrides));
    expectError(reply, 400, code);
    expect(snapshot(world.db)).toEqual(before);
    expect(count(world.db, 'users')).toBe(0);
    expect(count(world.db, 'credentials')).toBe(0);
    await expectSignedOut(client);
  });

  it('refuses a tampered registration while signed in without adding a passkey', async () => {
    const world = createWorld();
    const client = world.client();
    await client.register(createAuthenticator(), 'alice');
    const options = await client.registrationOptions({ username: 'alice' });
    const before = snapshot(world.db);
    const reply = await client.verifyRegistration(await createAuthenticator().register(options, { flags: { uv: false } }));
    expectError(reply, 400, 'user_verification_required');
    expect(snapshot(world.db)).toEqual(before);
  });
});
