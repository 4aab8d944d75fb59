/**
 * Tenant roles (docs/api.md, "Tenant administration"): the first account and ADMIN_USERNAMES
 * are admins; every /api/admin/* endpoint is 401 signed out and 403 for anyone else.
 */
import { describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/shared/schemas';
import { tenantUserSchema } from '../../src/shared/tenant';
import { createAuthenticator } from '../soft-authenticator';
import { type Client, count, createTenant, createWorld, expectError, newUser, testConfig } from './helpers';

async function isAdmin(client: Client): Promise<boolean> {
  const reply = await client.get('/api/session');
  expect(reply.status, reply.text).toBe(200);
  return sessionSchema.parse(reply.json).isAdmin;
}

const adminEndpoints: [method: string, path: string, body?: unknown][] = [
  ['GET', '/api/admin/policy'],
  ['PATCH', '/api/admin/policy', { state: 'disabled' }],
  ['POST', '/api/admin/policy/preview', { state: 'disabled' }],
  ['POST', '/api/admin/policy/prepare-allow-list', {}],
  ['GET', '/api/admin/aaguids'],
  ['GET', '/api/admin/users'],
  ['GET', '/api/admin/groups'],
  ['POST', '/api/admin/groups', { displayName: 'Sneaky' }],
  ['POST', '/api/admin/groups/GROUP/members', { username: 'bob' }],
  ['DELETE', '/api/admin/groups/GROUP/members/USER'],
  ['DELETE', '/api/admin/groups/GROUP'],
  ['POST', '/api/admin/temporary-access-passes', { username: 'bob' }],
  ['GET', '/api/admin/temporary-access-passes'],
  ['GET', '/api/admin/conditional-access'],
  ['PATCH', '/api/admin/conditional-access', { state: 'disabled' }],
  ['GET', '/api/admin/sign-in-log'],
];

function tables(world: { db: Parameters<typeof count>[0] }) {
  return {
    groups: count(world.db, 'groups'),
    members: count(world.db, 'group_members'),
    taps: count(world.db, 'temporary_access_passes'),
    settings: count(world.db, 'tenant_settings'),
    users: count(world.db, 'users'),
  };
}

describe('who is an admin', () => {
  it('the first account ever created is the admin; the second is not', async () => {
    const world = createWorld();
    const { client: first } = await newUser(world, 'alice');
    const { client: second } = await newUser(world, 'bob');
    expect(await isAdmin(first)).toBe(true);
    expect(await isAdmin(second)).toBe(false);
    expect((await first.get('/api/admin/policy')).status).toBe(200);
    expectError(await second.get('/api/admin/policy'), 403, 'forbidden');
  });

  it('stays the admin after signing out and in again', async () => {
    const world = createWorld();
    const { client, key } = await newUser(world, 'alice');
    await newUser(world, 'bob');
    await client.signOut();
    await client.signIn(key, 'alice');
    expect(await isAdmin(client)).toBe(true);
  });

  it('ADMIN_USERNAMES makes those usernames admins too (case-insensitive), besides the first account', async () => {
    const world = createWorld({ ...testConfig(), adminUsernames: ['carol'] });
    const { client: alice } = await newUser(world, 'alice');
    const { client: bob } = await newUser(world, 'bob');
    const { client: carol } = await newUser(world, 'Carol');
    expect(await isAdmin(alice)).toBe(true);
    expect(await isAdmin(bob)).toBe(false);
    expect(await isAdmin(carol)).toBe(true);
    const users = await carol.get('/api/admin/users');
    expect(users.status, users.text).toBe(200);
    const listed = (users.json as { users: unknown[] }).users.map((user) => tenantUserSchema.parse(user));
    expect(listed.map((user) => [user.username, user.isAdmin, user.passkeys])).toEqual([
      ['alice', true, 1],
      ['bob', false, 1],
      ['Carol', true, 1],
    ]);
  });

  it('an ADMIN_USERNAMES user is admin even when it is not the first account, and the first account stays admin', async () => {
    const world = createWorld({ ...testConfig(), adminUsernames: ['bob'] });
    await newUser(world, 'alice');
    const { client: bob } = await newUser(world, 'bob');
    expect((await bob.patch('/api/admin/policy', { isSelfServiceRegistrationAllowed: true })).status).toBe(200);
  });
});

describe('/api/admin/* guards', () => {
  it.each(adminEndpoints)('%s %s → 401 not_signed_in when signed out, nothing changed', async (method, path, body) => {
    const tenant = await createTenant();
    const { user: bob } = await newUser(tenant, 'bob');
    const group = await tenant.admin.post('/api/admin/groups', { displayName: 'Pilot' });
    const groupId = (group.json as { id: string }).id;
    await tenant.admin.post(`/api/admin/groups/${groupId}/members`, { username: 'bob' });
    const before = tables(tenant);
    const reply = await tenant.client().request(method, path.replace('GROUP', groupId).replace('USER', bob.id), body === undefined ? {} : { body });
    expectError(reply, 401, 'not_signed_in');
    expect(tables(tenant)).toEqual(before);
  });

  it.each(adminEndpoints)('%s %s → 403 forbidden for a signed-in non-admin, nothing changed', async (method, path, body) => {
    const tenant = await createTenant();
    const { client: bob, user } = await newUser(tenant, 'bob');
    const group = await tenant.admin.post('/api/admin/groups', { displayName: 'Pilot' });
    const groupId = (group.json as { id: string }).id;
    await tenant.admin.post(`/api/admin/groups/${groupId}/members`, { username: 'bob' });
    const before = tables(tenant);
    const reply = await bob.request(method, path.replace('GROUP', groupId).replace('USER', user.id), body === undefined ? {} : { body });
    expectError(reply, 403, 'forbidden');
    expect(tables(tenant)).toEqual(before);
  });

  it('an anonymous session (options asked, never signed in) is still not signed in', async () => {
    const world = createWorld();
    await newUser(world, 'alice');
    const stranger = world.client();
    await stranger.registrationOptions({ username: 'mallory' });
    expect(stranger.sessionId).toBeTruthy();
    expectError(await stranger.get('/api/admin/policy'), 401, 'not_signed_in');
  });

  it('a non-admin cannot become admin by registering a username listed nowhere, nor by adding a passkey', async () => {
    const tenant = await createTenant();
    const { client: bob } = await newUser(tenant, 'bob');
    await bob.register(createAuthenticator(), 'ignored');
    expectError(await bob.get('/api/admin/users'), 403, 'forbidden');
  });
});
