/** Temporary Access Pass (docs/api.md): issued by an admin, shown once, stored hashed, redeemed at sign-in, rate-limited. */
import { describe, expect, it, vi } from 'vitest';
import { scryptSlots } from '../../src/rp/tenant/temporary-access-pass';
import { sessionSchema } from '../../src/shared/schemas';
import { issuedTapSchema, type TapSummary, tapSummarySchema } from '../../src/shared/tenant';
import { count, createTenant, expectError, issueTap, newUser, signInWithTap, type Tenant } from './helpers';

// Every attempt runs scrypt (on purpose slow): give a loaded machine room.
vi.setConfig({ testTimeout: 20_000 });

const MINUTE = 60_000;
const ALPHABET = /^[ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789]+$/;

/** Every value stored in every table, as text: a secret must appear nowhere. */
function everythingStored(tenant: Tenant): string {
  const tables = tenant.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.map(({ name }) => JSON.stringify(tenant.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

const wrongCode = (code: string) => (code[0] === 'A' ? 'B' : 'A') + code.slice(1);

describe('issuing a pass', () => {
  it('creates the user when missing; the code is in the answer only (the table keeps a salted hash)', async () => {
    const tenant = await createTenant();
    const reply = await tenant.admin.post('/api/admin/temporary-access-passes', { username: 'newhire', displayName: 'New Hire' });
    expect(reply.status, reply.text).toBe(201);
    const tap = issuedTapSchema.parse(reply.json);
    expect(tap).toMatchObject({ user: { username: 'newhire', displayName: 'New Hire' }, userCreated: true, lifetimeInMinutes: 60, isUsableOnce: false });
    expect(tap.temporaryAccessPass).toHaveLength(8);
    expect(tap.temporaryAccessPass).toMatch(ALPHABET);
    expect(Date.parse(tap.expiresDateTime) - Date.parse(tap.createdDateTime)).toBe(60 * MINUTE);
    expect(tap.createdDateTime).toBe(new Date(tenant.clock.now).toISOString());

    const row = tenant.db.prepare('SELECT code_hash FROM temporary_access_passes').get() as { code_hash: string };
    expect(row.code_hash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(row.code_hash).not.toContain(tap.temporaryAccessPass);
    expect(everythingStored(tenant)).not.toContain(tap.temporaryAccessPass);

    const users = (await tenant.admin.get('/api/admin/users')).json as { users: { username: string; passkeys: number }[] };
    expect(users.users.find((user) => user.username === 'newhire')).toMatchObject({ passkeys: 0 });
  });

  it('for an existing user: userCreated false; length, lifetime and one-time use as asked', async () => {
    const tenant = await createTenant();
    await newUser(tenant, 'bob');
    const tap = await issueTap(tenant.admin, { username: 'BOB', length: 48, lifetimeInMinutes: 10, isUsableOnce: true });
    expect(tap).toMatchObject({ user: { username: 'bob' }, userCreated: false, lifetimeInMinutes: 10, isUsableOnce: true });
    expect(tap.temporaryAccessPass).toHaveLength(48);
    expect(count(tenant.db, 'users')).toBe(2);
  });

  it.each([
    ['length', { length: 7 }],
    ['length', { length: 49 }],
    ['length', { length: 12.5 }],
    ['lifetimeInMinutes', { lifetimeInMinutes: 9 }],
    ['lifetimeInMinutes', { lifetimeInMinutes: 43_201 }],
    ['lifetimeInMinutes', { lifetimeInMinutes: 'an hour' }],
    ['isUsableOnce', { isUsableOnce: 'yes' }],
    ['username', { username: 'has space' }],
  ])('%s out of range (%j) → 400 invalid_request naming it; no user, no pass', async (field, settings) => {
    const tenant = await createTenant();
    const reply = await tenant.admin.post('/api/admin/temporary-access-passes', { username: 'newhire', ...settings });
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { error: { field?: string } }).error.field).toBe(field);
    expect(count(tenant.db, 'users')).toBe(1);
    expect(count(tenant.db, 'temporary_access_passes')).toBe(0);
  });

  it('the list shows no codes, and each pass’s status: active, used, expired, replaced', async () => {
    const tenant = await createTenant();
    const replaced = await issueTap(tenant.admin, { username: 'ann' });
    await issueTap(tenant.admin, { username: 'ann' }); // active
    const once = await issueTap(tenant.admin, { username: 'bea', isUsableOnce: true });
    expect((await signInWithTap(tenant.client(), 'bea', once.temporaryAccessPass)).status).toBe(200);
    await issueTap(tenant.admin, { username: 'cid', lifetimeInMinutes: 10 });
    tenant.clock.advance(11 * MINUTE);

    const reply = await tenant.admin.get('/api/admin/temporary-access-passes');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.text).not.toContain(replaced.temporaryAccessPass);
    expect(reply.text).not.toContain(once.temporaryAccessPass);
    const passes = (reply.json as { passes: TapSummary[] }).passes.map((pass) => tapSummarySchema.parse(pass));
    expect(passes.map((pass) => [pass.user.username, pass.status]).sort()).toEqual([
      ['ann', 'active'],
      ['ann', 'replaced'],
      ['bea', 'used'],
      ['cid', 'expired'],
    ]);
    for (const pass of (reply.json as { passes: Record<string, unknown>[] }).passes) expect(pass).not.toHaveProperty('temporaryAccessPass');
  });
});

describe('signing in with a pass', () => {
  it('signs in under a fresh session whose method is temporaryAccessPass, not user-verified', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    const client = tenant.client();
    await client.authenticationOptions(); // an anonymous session first
    const anonymous = client.sessionId;
    const reply = await signInWithTap(client, 'NewHire', ` ${tap.temporaryAccessPass} `);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json).toEqual({ user: tap.user, method: 'temporaryAccessPass' });
    expect(client.sessionId).toBeTruthy();
    expect(client.sessionId).not.toBe(anonymous);
    const session = sessionSchema.parse((await client.get('/api/session')).json);
    expect(session).toMatchObject({ user: tap.user, method: 'temporaryAccessPass', userVerified: false, isAdmin: false });
  });

  it('a multi-use pass works more than once within its lifetime', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
    tenant.clock.advance(59 * MINUTE);
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
  });

  it('a wrong code and an unknown username get the same 401 tap_invalid', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    const wrong = await signInWithTap(tenant.client(), 'newhire', wrongCode(tap.temporaryAccessPass));
    const unknown = await signInWithTap(tenant.client(), 'nobody', tap.temporaryAccessPass);
    const noPass = await signInWithTap(tenant.client(), 'admin', tap.temporaryAccessPass);
    for (const reply of [wrong, unknown, noPass]) expectError(reply, 401, 'tap_invalid');
    expect(unknown.json).toEqual(wrong.json);
    expect(noPass.json).toEqual(wrong.json);
    expect(count(tenant.db, 'users')).toBe(2);
  });

  it('expired (the injected clock passes the lifetime) → 401 tap_expired', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire', lifetimeInMinutes: 10 });
    tenant.clock.advance(10 * MINUTE);
    const client = tenant.client();
    expectError(await signInWithTap(client, 'newhire', tap.temporaryAccessPass), 401, 'tap_expired');
    expectError(await client.get('/api/session'), 401, 'not_signed_in');
  });

  it('a one-time pass used once → 401 tap_used', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire', isUsableOnce: true });
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
    expectError(await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass), 401, 'tap_used');
  });

  it('a newer pass replaces the older: the old code → tap_used, the new one works', async () => {
    const tenant = await createTenant();
    const old = await issueTap(tenant.admin, { username: 'newhire' });
    const fresh = await issueTap(tenant.admin, { username: 'newhire' });
    expect(fresh.userCreated).toBe(false);
    expectError(await signInWithTap(tenant.client(), 'newhire', old.temporaryAccessPass), 401, 'tap_used');
    expect((await signInWithTap(tenant.client(), 'newhire', fresh.temporaryAccessPass)).status).toBe(200);
  });

  it('an empty or over-long code → 400 invalid_request naming code', async () => {
    const tenant = await createTenant();
    for (const code of ['', 'x'.repeat(65)]) {
      const reply = await signInWithTap(tenant.client(), 'newhire', code);
      expectError(reply, 400, 'invalid_request');
      expect((reply.json as { error: { field?: string } }).error.field).toBe('code');
    }
  });
});

describe('rate limit', () => {
  it('after 5 wrong codes the 6th attempt, even with the right code, is 429 rate_limited; it lifts after 15 minutes', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    for (let i = 0; i < 5; i += 1) expectError(await signInWithTap(tenant.client(), 'newhire', wrongCode(tap.temporaryAccessPass)), 401, 'tap_invalid');
    const client = tenant.client();
    expectError(await signInWithTap(client, 'newhire', tap.temporaryAccessPass), 429, 'rate_limited');
    expectError(await signInWithTap(client, 'NEWHIRE', tap.temporaryAccessPass), 429, 'rate_limited');
    expectError(await client.get('/api/session'), 401, 'not_signed_in');

    tenant.clock.advance(14 * MINUTE);
    expectError(await signInWithTap(client, 'newhire', tap.temporaryAccessPass), 429, 'rate_limited');
    tenant.clock.advance(1 * MINUTE);
    const reply = await signInWithTap(client, 'newhire', tap.temporaryAccessPass);
    expect(reply.status, reply.text).toBe(200);
  });

  it('counts per username: unknown usernames too, and other usernames are not affected', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    for (let i = 0; i < 5; i += 1) expectError(await signInWithTap(tenant.client(), 'ghost', 'AAAAAAAA'), 401, 'tap_invalid');
    expectError(await signInWithTap(tenant.client(), 'ghost', 'AAAAAAAA'), 429, 'rate_limited');
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
  });

  it('a success before the limit clears the failures', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    for (let i = 0; i < 4; i += 1) await signInWithTap(tenant.client(), 'newhire', wrongCode(tap.temporaryAccessPass));
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expectError(await signInWithTap(tenant.client(), 'newhire', wrongCode(tap.temporaryAccessPass)), 401, 'tap_invalid');
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
  });
});

describe('rate limit under parallel guessing', () => {
  it('20 wrong codes sent at once: at most 5 are checked, the others are 429 rate_limited', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    const guesses = Array.from({ length: 20 }, (_, i) => `GUESS${String(i).padStart(3, '2')}`);
    // The checked five queue for the one scrypt slot: on a slow machine the queue's real 2 s wait
    // could answer one of them busy (429, not counted) instead. This test is about the count.
    const { maxWaitMs } = scryptSlots.options;
    scryptSlots.options.maxWaitMs = 60_000;
    const replies = await Promise.all(guesses.map((code) => signInWithTap(tenant.client(), 'newhire', code))).finally(() => {
      scryptSlots.options.maxWaitMs = maxWaitMs;
    });
    const codes = replies.map((reply) => (reply.json as { error: { code: string } }).error.code);
    expect(codes.filter((code) => code === 'tap_invalid')).toHaveLength(5);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(15);
    expectError(await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass), 429, 'rate_limited');
  });
});

describe('a one-time pass under parallel use', () => {
  it('two sign-ins at once with the same one-time pass: one succeeds, the other is tap_used', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire', isUsableOnce: true });
    const replies = await Promise.all([0, 1].map(() => signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)));
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 401]);
    expectError(replies.find((reply) => reply.status === 401)!, 401, 'tap_used');
  });
});
