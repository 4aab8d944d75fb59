/**
 * Usernames that look alike are one name: NFKC, case-insensitive beyond ASCII, and a look-alike
 * of an existing name (UTS #39 skeleton) is refused with username_confusable. Display names,
 * nicknames and group names refuse control, bidirectional-control and invisible characters.
 */
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../soft-authenticator';
import { count, createTenant, createWorld, expectError, issueTap, newUser, type Reply, snapshot } from './helpers';

const CYRILLIC_A = '\u0430';

function field(reply: Reply): string | undefined {
  return (reply.json as { error: { field?: string } }).error.field;
}

describe('look-alike usernames at registration', () => {
  it.each([
    ['HG_ADMIN', 'username_taken'],
    ['ｈｇ＿ａｄｍｉｎ', 'username_taken'], // fullwidth: NFKC makes it hg_admin
    [`hg_${CYRILLIC_A}dmin`, 'username_confusable'], // Cyrillic а
    ['hg_adrnin', 'username_confusable'], // rn for m
  ] as const)('hg_admin exists: %j → 409 %s, nothing stored', async (name, code) => {
    const world = createWorld();
    await newUser(world, 'hg_admin');
    const before = snapshot(world.db);
    expectError(await world.client().post('/api/registration/options', { username: name }), 409, code);
    expect(snapshot(world.db)).toEqual(before);
  });

  it('Ärger and äRGER are one account; username-first sign-in finds it in any case', async () => {
    const world = createWorld();
    const { key } = await newUser(world, 'Ärger');
    expectError(await world.client().post('/api/registration/options', { username: 'äRGER' }), 409, 'username_taken');
    expectError(await world.client().post('/api/registration/options', { username: 'A\u0308rger' }), 409, 'username_taken');
    const client = world.client();
    const options = await client.authenticationOptions({ username: 'ÄRGER' });
    expect(options.allowCredentials).toHaveLength(1);
    const reply = await client.verifyAuthentication(await key.authenticate(options));
    expect(reply.status, reply.text).toBe(200);
  });

  it('a fullwidth username is stored in its NFKC form', async () => {
    const world = createWorld();
    const { user } = await newUser(world, 'ｍａｒｋ');
    expect(user.username).toBe('mark');
  });

  it('two look-alikes registering at once: the second verify is 409 username_confusable and stores nothing', async () => {
    const world = createWorld();
    const [first, second] = [world.client(), world.client()];
    const firstOptions = await first.registrationOptions({ username: 'paypal' });
    const secondOptions = await second.registrationOptions({ username: `p${CYRILLIC_A}yp${CYRILLIC_A}l` });
    expect((await first.verifyRegistration(await createAuthenticator().register(firstOptions))).status).toBe(200);
    const before = snapshot(world.db);
    expectError(await second.verifyRegistration(await createAuthenticator().register(secondOptions)), 409, 'username_confusable');
    expect(snapshot(world.db)).toEqual(before);
    expect(count(world.db, 'users')).toBe(1);
  });

  it('a Temporary Access Pass for a look-alike is refused; for another case of the name it goes to the existing user', async () => {
    const tenant = await createTenant();
    await newUser(tenant, 'newhire');
    expectError(await tenant.admin.post('/api/admin/temporary-access-passes', { username: `n${'\u0435'}whire` }), 409, 'username_confusable');
    const issued = await issueTap(tenant.admin, { username: 'NEWHIRE' });
    expect(issued.userCreated).toBe(false);
    expect(count(tenant.db, 'users')).toBe(2);
  });

  it('a registration hand-off for a look-alike is refused', async () => {
    const world = createWorld();
    await newUser(world, 'alice');
    expectError(await world.client().post('/api/handoffs', { purpose: 'registration', username: `${CYRILLIC_A}lice` }), 409, 'username_confusable');
    expect(world.db.prepare('SELECT COUNT(*) AS n FROM handoffs').get()).toEqual({ n: 0 });
  });
});

describe('hidden characters in names', () => {
  const hidden = ['Admin\u202Egnp.exe', 'zero\u200Bwidth', 'new\nline', 'bidi\u2066isolate\u2069', 'b\uFEFFom'];

  it.each(hidden)('registration displayName %j → 400 invalid_request naming displayName', async (displayName) => {
    const world = createWorld();
    const reply = await world.client().post('/api/registration/options', { username: 'alice', displayName });
    expectError(reply, 400, 'invalid_request');
    expect(field(reply)).toBe('displayName');
    expect(count(world.db, 'sessions')).toBe(0);
  });

  it.each(hidden)('account displayName, passkey nickname, group name and pass displayName %j → 400 naming the field', async (value) => {
    const tenant = await createTenant();
    const { credential } = await newUser(tenant, 'bob');
    const before = snapshot(tenant.db);
    for (const [reply, name] of [
      [await tenant.admin.patch('/api/account', { displayName: value }), 'displayName'],
      [await tenant.admin.patch(`/api/credentials/${credential.id}`, { nickname: value }), 'nickname'],
      [await tenant.admin.post('/api/admin/groups', { displayName: value }), 'displayName'],
      [await tenant.admin.post('/api/admin/temporary-access-passes', { username: 'carol', displayName: value }), 'displayName'],
    ] as const) {
      expectError(reply, 400, 'invalid_request');
      expect(field(reply)).toBe(name);
    }
    expect(snapshot(tenant.db)).toEqual(before);
    expect(count(tenant.db, 'groups')).toBe(0);
  });

  it('a nickname with an emoji sequence (zero-width joiner between pictographs) is fine', async () => {
    const world = createWorld();
    const { client, credential } = await newUser(world, 'dana');
    const reply = await client.patch(`/api/credentials/${credential.id}`, { nickname: '👩‍💻 Work laptop' });
    expect(reply.status, reply.text).toBe(200);
  });
});
