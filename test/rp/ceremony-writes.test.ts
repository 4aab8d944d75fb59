/**
 * A ceremony's writes are one transaction: when any of them fails (here the sign-in log's
 * `success` entry, refused by a trigger), nothing of the ceremony is stored — no counter
 * update, no account, no signed-in session — and the attempt is logged with its error. The
 * challenge is spent either way, and signing in renames the browser's session to a fresh id.
 */
import { describe, expect, it } from 'vitest';
import { hashSessionId } from '../../src/rp/store/sessions';
import { createAuthenticator } from '../soft-authenticator';
import { count, createWorld, credentialRow, snapshot, type World } from './helpers';

function refuseSuccessEntries(world: World) {
  world.db.exec(`CREATE TRIGGER refuse_success BEFORE INSERT ON sign_in_log WHEN NEW.result = 'success' BEGIN SELECT RAISE(ABORT, 'log unavailable'); END`);
}

function logResults(world: World): string[] {
  return (world.db.prepare('SELECT result FROM sign_in_log ORDER BY id').all() as { result: string }[]).map((row) => row.result);
}

describe('one transaction per ceremony', () => {
  it('a sign-in whose log entry cannot be written stores nothing of it (counter, session) and spends its challenge', async () => {
    const world = createWorld();
    const authenticator = createAuthenticator();
    const alice = await world.client().register(authenticator, 'alice');
    const before = snapshot(world.db);
    refuseSuccessEntries(world);

    const client = world.client();
    const options = await client.authenticationOptions({});
    const anonymous = client.sessionId!;
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options));
    expect(reply.status).not.toBe(200);
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, alice.credential.id)).toMatchObject({ counter: 0, last_used_at: null });
    expect(world.pending.size.ceremonies).toBe(0);
    // The browser keeps its anonymous session; the failed attempt is in the log.
    expect(world.pending.findAnonymous(hashSessionId(anonymous), world.clock.now)).toMatchObject({ user_id: null });
    expect(logResults(world).at(-1)).toBe('internal_error');
  });

  it('a registration whose log entry cannot be written creates no account, passkey or session', async () => {
    const world = createWorld();
    await world.client().register(createAuthenticator(), 'first-admin');
    const before = snapshot(world.db);
    refuseSuccessEntries(world);

    const client = world.client();
    const options = await client.registrationOptions({ username: 'bob' });
    const reply = await client.verifyRegistration(await createAuthenticator().register(options));
    expect(reply.status).not.toBe(200);
    expect(snapshot(world.db)).toEqual(before);
    expect(world.pending.size.ceremonies).toBe(0);
    expect(logResults(world).at(-1)).toBe('internal_error');
  });

  it('signing in replaces the anonymous session: a fresh id, the old one dead, its other challenges gone, one row', async () => {
    const world = createWorld();
    const authenticator = createAuthenticator();
    await world.client().register(authenticator, 'alice');
    const sessionsBefore = count(world.db, 'sessions');

    const client = world.client();
    // A pending registration challenge in the same anonymous session goes with it.
    await client.registrationOptions({ username: 'someone-else' });
    const options = await client.authenticationOptions({});
    const anonymous = client.sessionId!;
    expect(world.pending.size.ceremonies).toBe(2);
    const reply = await client.verifyAuthentication(await authenticator.authenticate(options));
    expect(reply.status, reply.text).toBe(200);

    expect(client.sessionId).not.toBe(anonymous);
    expect(world.pending.findAnonymous(hashSessionId(anonymous), world.clock.now)).toBeUndefined();
    expect(world.db.prepare('SELECT user_id, method FROM sessions WHERE id_hash = ?').get(hashSessionId(client.sessionId!))).toMatchObject({ method: 'passkey' });
    expect(count(world.db, 'sessions')).toBe(sessionsBefore + 1);
    expect(world.pending.size.ceremonies).toBe(0);
    expect((await client.get('/api/session')).status).toBe(200);
  });
});
