/** Groups (docs/api.md, "Users and groups"): what policy targets name. */
import { describe, expect, it } from 'vitest';
import { type Group, groupSchema, tenantUserSchema } from '../../src/shared/tenant';
import { count, createGroup, createTenant, expectError, newUser, patchPolicy } from './helpers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_GROUP = '0f0f0f0f-0000-4000-8000-000000000000';

describe('groups', () => {
  it('create: 201 with a GUID, no members, a timestamp; listed by GET', async () => {
    const { admin } = await createTenant();
    expect((await admin.get('/api/admin/groups')).json).toEqual({ groups: [] });
    const reply = await admin.post('/api/admin/groups', { displayName: '  Pilot users ' });
    expect(reply.status, reply.text).toBe(201);
    const group = groupSchema.parse(reply.json);
    expect(group).toMatchObject({ displayName: 'Pilot users', members: [] });
    expect(group.id).toMatch(GUID);
    const list = await admin.get('/api/admin/groups');
    expect((list.json as { groups: Group[] }).groups).toEqual([group]);
  });

  it('a name already used (ignoring case) → 409 group_exists, nothing created', async () => {
    const { admin, db } = await createTenant();
    await createGroup(admin, 'Pilot');
    expectError(await admin.post('/api/admin/groups', { displayName: 'Pilot' }), 409, 'group_exists');
    expectError(await admin.post('/api/admin/groups', { displayName: 'PILOT' }), 409, 'group_exists');
    expect(count(db, 'groups')).toBe(1);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'x'.repeat(65)],
    ['a new line', 'Pilot\nusers'],
    ['not a string', 42],
  ])('a name that is %s → 400 invalid_request naming displayName', async (_name, displayName) => {
    const { admin, db } = await createTenant();
    const reply = await admin.post('/api/admin/groups', { displayName });
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { error: { field?: string } }).error.field).toBe('displayName');
    expect(count(db, 'groups')).toBe(0);
  });

  it('members: added by username (twice is harmless), listed in the group and in /api/admin/users, removed by user id', async () => {
    const tenant = await createTenant();
    const { admin } = tenant;
    const { user: bob } = await newUser(tenant, 'bob');
    const { user: carol } = await newUser(tenant, 'carol');
    const group = await createGroup(admin, 'Pilot');

    const added = await admin.post(`/api/admin/groups/${group.id}/members`, { username: 'bob' });
    expect(added.status, added.text).toBe(200);
    expect(groupSchema.parse(added.json).members).toEqual([bob]);
    await admin.post(`/api/admin/groups/${group.id}/members`, { username: 'CAROL' });
    const again = await admin.post(`/api/admin/groups/${group.id}/members`, { username: 'bob' });
    expect(groupSchema.parse(again.json).members).toEqual([bob, carol]);

    const users = ((await admin.get('/api/admin/users')).json as { users: unknown[] }).users.map((user) => tenantUserSchema.parse(user));
    expect(users.find((user) => user.username === 'bob')?.groups).toEqual([group.id]);
    expect(users.find((user) => user.username === 'admin')?.groups).toEqual([]);

    const removed = await admin.delete(`/api/admin/groups/${group.id}/members/${bob.id}`);
    expect(removed.status, removed.text).toBe(204);
    const list = (await admin.get('/api/admin/groups')).json as { groups: Group[] };
    expect(list.groups[0]?.members).toEqual([carol]);
  });

  it('an unknown user → 404 not_found naming username; an unknown group → 404 not_found', async () => {
    const tenant = await createTenant();
    const group = await createGroup(tenant.admin, 'Pilot');
    const unknownUser = await tenant.admin.post(`/api/admin/groups/${group.id}/members`, { username: 'nobody' });
    expectError(unknownUser, 404, 'not_found');
    expect((unknownUser.json as { error: { field?: string } }).error.field).toBe('username');
    expectError(await tenant.admin.post(`/api/admin/groups/${UNKNOWN_GROUP}/members`, { username: 'admin' }), 404, 'not_found');
    expectError(await tenant.admin.delete(`/api/admin/groups/${UNKNOWN_GROUP}`), 404, 'not_found');
    expectError(await tenant.admin.delete(`/api/admin/groups/${UNKNOWN_GROUP}/members/whoever`), 404, 'not_found');
    expect(count(tenant.db, 'group_members')).toBe(0);
  });

  it('removing someone who is not a member → 404 not_found', async () => {
    const tenant = await createTenant();
    const { user: bob } = await newUser(tenant, 'bob');
    const group = await createGroup(tenant.admin, 'Pilot');
    expectError(await tenant.admin.delete(`/api/admin/groups/${group.id}/members/${bob.id}`), 404, 'not_found');
  });

  it('delete: 204, its memberships go with it', async () => {
    const tenant = await createTenant();
    await newUser(tenant, 'bob');
    const group = await createGroup(tenant.admin, 'Pilot', ['bob']);
    const reply = await tenant.admin.delete(`/api/admin/groups/${group.id}`);
    expect(reply.status, reply.text).toBe(204);
    expect((await tenant.admin.get('/api/admin/groups')).json).toEqual({ groups: [] });
    expect(count(tenant.db, 'group_members')).toBe(0);
  });

  it.each([
    ['an include target', (id: string) => ({ includeTargets: [{ id: 'all_users' }, { id, isRegistrationRequired: true }] })],
    ['an exclude target', (id: string) => ({ excludeTargets: [{ id, targetType: 'group' }] })],
  ])('a group %s names → 409 group_in_use, kept; deletable once the policy no longer names it', async (_name, patch) => {
    const tenant = await createTenant();
    await newUser(tenant, 'bob');
    const group = await createGroup(tenant.admin, 'Pilot', ['bob']);
    await patchPolicy(tenant.admin, patch(group.id));
    expectError(await tenant.admin.delete(`/api/admin/groups/${group.id}`), 409, 'group_in_use');
    expect(count(tenant.db, 'groups')).toBe(1);
    expect(count(tenant.db, 'group_members')).toBe(1);
    await patchPolicy(tenant.admin, { includeTargets: [{ id: 'all_users' }], excludeTargets: [] });
    expect((await tenant.admin.delete(`/api/admin/groups/${group.id}`)).status).toBe(204);
  });

  it('a deleted group cannot be named by the policy any more', async () => {
    const tenant = await createTenant();
    const group = await createGroup(tenant.admin, 'Pilot');
    await tenant.admin.delete(`/api/admin/groups/${group.id}`);
    const reply = await tenant.admin.patch('/api/admin/policy', { excludeTargets: [{ id: group.id }] });
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { error: { field?: string } }).error.field).toBe('excludeTargets[0].id');
  });
});
