/**
 * Registration needs a recent strong sign-in (src/shared/recent-sign-in.ts; docs/api.md,
 * "POST /api/registration/options"): adding a passkey more than 5 minutes after the session's
 * sign-in answers 403 recent_sign_in_required until the person verifies again.
 */
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../soft-authenticator';
import { createTenant, createWorld, expectError, issueTap, newUser, signInWithTap, snapshot, testConfig } from './helpers';

const FIVE_MINUTES = 5 * 60 * 1000;

describe('adding a passkey needs a recent strong sign-in', () => {
  it('within 5 minutes of the sign-in, a second passkey registers', async () => {
    const world = createWorld();
    const { client } = await newUser(world, 'ada');
    world.clock.advance(FIVE_MINUTES);
    await client.register(createAuthenticator(), 'ada');
  });

  it('later: 403 recent_sign_in_required in the contract’s shape, no challenge issued, nothing stored', async () => {
    const world = createWorld();
    const { client } = await newUser(world, 'ada');
    world.clock.advance(FIVE_MINUTES + 1);
    const challengesBefore = world.pending.size.ceremonies;
    const before = snapshot(world.db);
    const reply = await client.post('/api/registration/options', { username: 'ada' });
    expectError(reply, 403, 'recent_sign_in_required');
    expect((reply.json as { error: { message: string } }).error.message).toMatch(/5 minutes/);
    expect(world.pending.size.ceremonies).toBe(challengesBefore);
    expect(snapshot(world.db)).toEqual(before);
    // The refusal is in the sign-in log, as a refused registration of that account.
    const logged = world.db.prepare("SELECT ceremony, username, result FROM sign_in_log WHERE result = 'recent_sign_in_required'").all();
    expect(logged).toEqual([{ ceremony: 'registration', username: 'ada', result: 'recent_sign_in_required' }]);
  });

  it('verifying again with a passkey refreshes the sign-in time, and the passkey can be added', async () => {
    const world = createWorld();
    const { client, key } = await newUser(world, 'ada');
    world.clock.advance(FIVE_MINUTES + 1);
    expectError(await client.post('/api/registration/options', { username: 'ada' }), 403, 'recent_sign_in_required');
    const before = ((await client.get('/api/session')).json as { signedInAt: string }).signedInAt;
    await client.signIn(key, 'ada');
    const after = ((await client.get('/api/session')).json as { signedInAt: string }).signedInAt;
    expect(Date.parse(after) - Date.parse(before)).toBe(FIVE_MINUTES + 1);
    await client.register(createAuthenticator(), 'ada');
  });

  it('a new account’s first passkey is not affected (it is the sign-in)', async () => {
    const world = createWorld();
    const client = world.client();
    // An anonymous session from an earlier options call, long ago: still no step-up.
    await client.authenticationOptions();
    world.clock.advance(9 * 60 * 1000);
    await client.register(createAuthenticator(), 'grace');
  });

  it('a Temporary Access Pass sign-in counts, for 5 minutes too', async () => {
    const { admin, clock, client } = await createTenant();
    const { temporaryAccessPass } = await issueTap(admin, { username: 'lin', isUsableOnce: false, lifetimeInMinutes: 60 });
    const person = client();
    expect((await signInWithTap(person, 'lin', temporaryAccessPass)).status).toBe(200);
    clock.advance(FIVE_MINUTES);
    await person.register(createAuthenticator(), 'lin');

    const late = client();
    expect((await signInWithTap(late, 'lin', temporaryAccessPass)).status).toBe(200);
    clock.advance(FIVE_MINUTES + 1);
    expectError(await late.post('/api/registration/options', { username: 'lin' }), 403, 'recent_sign_in_required');
    // Signing in with the pass again is a fresh strong sign-in.
    expect((await signInWithTap(late, 'lin', temporaryAccessPass)).status).toBe(200);
    await late.register(createAuthenticator(), 'lin');
  });

  it('the sensitive-app rule does not apply here: a fresh hand-off sign-in may add a passkey', async () => {
    const world = createWorld();
    const { client: phone, key } = await newUser(world, 'ada');
    const computer = world.client();
    const created = await computer.post('/api/handoffs', { purpose: 'sign-in' });
    expect(created.status, created.text).toBe(201);
    const { handoff } = created.json as { handoff: { id: string } };
    await phone.signIn(key, 'ada');
    expect((await phone.post(`/api/handoffs/${handoff.id}/approve`)).status).toBe(200);
    expect((await computer.post(`/api/handoffs/${handoff.id}/claim`)).status).toBe(200);
    await computer.register(createAuthenticator(), 'ada');
    world.clock.advance(FIVE_MINUTES + 1);
    expectError(await computer.post('/api/registration/options', { username: 'ada' }), 403, 'recent_sign_in_required');
  });

  it('RECENT_SIGN_IN_SECONDS shortens the window (never lengthens it)', async () => {
    const short = createWorld({ ...testConfig(), recentSignInSeconds: 2 });
    const { client } = await newUser(short, 'ada');
    short.clock.advance(2_001);
    expectError(await client.post('/api/registration/options', { username: 'ada' }), 403, 'recent_sign_in_required');

    const long = createWorld({ ...testConfig(), recentSignInSeconds: 3_600 });
    const other = await newUser(long, 'ada');
    long.clock.advance(FIVE_MINUTES + 1);
    expectError(await other.client.post('/api/registration/options', { username: 'ada' }), 403, 'recent_sign_in_required');
  });
});
