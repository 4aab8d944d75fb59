/**
 * A challenge is bound to the session that asked for the options, answers one ceremony
 * once (consumed whether the answer is right or wrong) and expires after 5 minutes.
 */
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../soft-authenticator';
import { CHALLENGE_TTL_MS, count, createWorld, credentialRow, expectError, expectSignedOut, SESSION_COOKIE, snapshot } from './helpers';

describe('challenges: registration', () => {
  it('a replayed registration response is refused (challenge_missing) and adds nothing', async () => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    const response = await createAuthenticator().register(options);
    expect((await client.verifyRegistration(response)).status).toBe(200);
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    expectError(await client.verifyRegistration(response), 400, 'challenge_missing');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('a replayed add-passkey response (same session, no sign-in in between) is refused (challenge_missing)', async () => {
    const world = createWorld();
    const client = world.client();
    await client.register(createAuthenticator(), 'alice');
    const options = await client.registrationOptions({ username: 'alice' });
    const response = await createAuthenticator().register(options);
    expect((await client.verifyRegistration(response)).status).toBe(200);
    const before = snapshot(world.db);
    expectError(await client.verifyRegistration(response), 400, 'challenge_missing');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('a replay from the pre-sign-in session cookie is refused too (challenge_missing)', async () => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    const anonymous = world.client();
    anonymous.cookies.set(SESSION_COOKIE, client.sessionId ?? '');
    const response = await createAuthenticator().register(options);
    expect((await client.verifyRegistration(response)).status).toBe(200);
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    expectError(await anonymous.verifyRegistration(response), 400, 'challenge_missing');
    expect(snapshot(world.db)).toEqual(before);
  });

  it('verify without any options is refused (challenge_missing)', async () => {
    const world = createWorld();
    const other = world.client();
    const options = await other.registrationOptions({ username: 'alice' });
    const client = world.client();
    expectError(await client.verifyRegistration(await createAuthenticator().register(options)), 400, 'challenge_missing');
    expect(count(world.db, 'users')).toBe(0);
    await expectSignedOut(client);
  });

  it('a challenge issued to another session cannot be answered from this one (challenge_mismatch), and stays usable by its owner', async () => {
    const world = createWorld();
    // The thief's own options come first, so "the latest challenge" would be the owner's.
    const thief = world.client();
    await thief.registrationOptions({ username: 'mallory' });
    const owner = world.client();
    const ownerOptions = await owner.registrationOptions({ username: 'alice' });
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    expectError(await thief.verifyRegistration(await createAuthenticator().register(ownerOptions)), 400, 'challenge_mismatch');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(thief);
    expect((await owner.verifyRegistration(await createAuthenticator().register(ownerOptions))).status).toBe(200);
  });

  it('is refused after 5 minutes (challenge_expired) and stores nothing', async () => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    world.clock.advance(CHALLENGE_TTL_MS + 1000);
    const before = snapshot(world.db);
    expectError(await client.verifyRegistration(await createAuthenticator().register(options)), 400, 'challenge_expired');
    expect(snapshot(world.db)).toEqual(before);
    expect(count(world.db, 'users')).toBe(0);
    await expectSignedOut(client);
  });

  it('is still accepted just under 5 minutes', async () => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    world.clock.advance(CHALLENGE_TTL_MS - 1000);
    expect((await client.verifyRegistration(await createAuthenticator().register(options))).status).toBe(200);
  });

  it('is consumed by a failed verification: the correct response afterwards gets challenge_missing', async () => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    const authenticator = createAuthenticator();
    expectError(await client.verifyRegistration(await authenticator.register(options, { flags: { uv: false } })), 400, 'user_verification_required');
    expectError(await client.verifyRegistration(await createAuthenticator().register(options)), 400, 'challenge_missing');
    expect(count(world.db, 'users')).toBe(0);
    expect(count(world.db, 'credentials')).toBe(0);
    await expectSignedOut(client);
  });

  it('a registration challenge cannot answer an authentication (challenge_missing)', async () => {
    const world = createWorld();
    const authenticator = createAuthenticator();
    await world.client().register(authenticator, 'alice');
    const client = world.client();
    const registrationOptions = await client.registrationOptions({ username: 'bob' });
    const assertion = await authenticator.authenticate({ challenge: registrationOptions.challenge, rpId: 'localhost', userVerification: 'required' });
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    expectError(await client.verifyAuthentication(assertion), 400, 'challenge_missing');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });
});

describe('challenges: authentication', () => {
  async function withAlice() {
    const world = createWorld();
    const authenticator = createAuthenticator();
    const alice = await world.client().register(authenticator, 'alice');
    return { world, authenticator, alice };
  }

  it('a replayed assertion is refused (challenge_missing); counter and lastUsedAt stay as the first use left them', async () => {
    const { world, authenticator, alice } = await withAlice();
    const client = world.client();
    const options = await client.authenticationOptions({});
    const assertion = await authenticator.authenticate(options);
    expect((await client.verifyAuthentication(assertion)).status).toBe(200);
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    const row = credentialRow(world.db, alice.credential.id);
    expectError(await client.verifyAuthentication(assertion), 400, 'challenge_missing');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, alice.credential.id)).toEqual(row);
  });

  it('a replayed assertion from another (cookie-less) client is refused (challenge_missing)', async () => {
    const { world, authenticator } = await withAlice();
    const options = await world.client().authenticationOptions({});
    const assertion = await authenticator.authenticate(options);
    const attacker = world.client();
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    expectError(await attacker.verifyAuthentication(assertion), 400, 'challenge_missing');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(attacker);
  });

  it('a challenge issued to another session cannot be answered from this one (challenge_mismatch), and stays usable by its owner', async () => {
    const { world, authenticator } = await withAlice();
    // The attacker's own options come first, so "the latest challenge" would be the victim's.
    const attacker = world.client();
    await attacker.authenticationOptions({});
    const victim = world.client();
    const victimOptions = await victim.authenticationOptions({});
    world.clock.advance(1000); // a stray lastUsedAt write would now differ
    const before = snapshot(world.db);
    expectError(await attacker.verifyAuthentication(await authenticator.authenticate(victimOptions)), 400, 'challenge_mismatch');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(attacker);
    // The victim's challenge was not spent by the attacker's attempt.
    expect((await victim.verifyAuthentication(await authenticator.authenticate(victimOptions))).status).toBe(200);
  });

  it('is refused after 5 minutes (challenge_expired); counter and lastUsedAt unchanged', async () => {
    const { world, authenticator, alice } = await withAlice();
    const client = world.client();
    const options = await client.authenticationOptions({});
    world.clock.advance(CHALLENGE_TTL_MS + 1000);
    const before = snapshot(world.db);
    expectError(await client.verifyAuthentication(await authenticator.authenticate(options)), 400, 'challenge_expired');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, alice.credential.id)).toMatchObject({ counter: 0, last_used_at: null });
    await expectSignedOut(client);
  });

  it('is consumed by a failed verification: the correct assertion afterwards gets challenge_missing', async () => {
    const { world, authenticator, alice } = await withAlice();
    const client = world.client();
    const options = await client.authenticationOptions({});
    expectError(await client.verifyAuthentication(await authenticator.authenticate(options, { badSignature: true })), 400, 'signature_invalid');
    expectError(await client.verifyAuthentication(await authenticator.authenticate(options)), 400, 'challenge_missing');
    expect(credentialRow(world.db, alice.credential.id)).toMatchObject({ counter: 0, last_used_at: null });
    await expectSignedOut(client);
  });

  it('new options replace the pending challenge: the older one is no longer accepted (challenge_mismatch)', async () => {
    const { world, authenticator } = await withAlice();
    const client = world.client();
    const stale = await client.authenticationOptions({});
    await client.authenticationOptions({});
    expectError(await client.verifyAuthentication(await authenticator.authenticate(stale)), 400, 'challenge_mismatch');
    await expectSignedOut(client);
  });
});
