/**
 * The passkey policy document over HTTP: GET/PATCH /api/admin/policy (Graph's PATCH
 * semantics, every problem a 400 naming the field, nothing saved), the impact preview, the
 * allow-list what-if and the AAGUID inventory.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSKEY_PROFILE_ID, defaultFido2Policy, GRAPH_FIDO2_ODATA_TYPE } from '../../src/shared/policy';
import { aaguidUsageSchema, type PolicyPreview } from '../../src/shared/tenant';
import { createAuthenticator, ZERO_AAGUID } from '../soft-authenticator';
import {
  CHROMIUM_VIRTUAL,
  type Client,
  count,
  createGroup,
  createTenant,
  expectError,
  getPolicy,
  MICROSOFT_ANDROID,
  MICROSOFT_IOS,
  newUser,
  patchPolicy,
  type Reply,
  restrictKeys,
} from './helpers';

/** An AAGUID no directory knows. */
const OTHER = 'a1b2c3d4-0000-4000-8000-0000000000ee';
const PROFILE_B = 'b0000000-0000-4000-8000-00000000000b';
const PROFILE_C = 'c0000000-0000-4000-8000-00000000000c';
const PROFILE_D = 'd0000000-0000-4000-8000-00000000000d';
const defaultProfile = defaultFido2Policy().passkeyProfiles[0]!;
const profile = (id: string, changes: object = {}) => ({ ...defaultProfile, id, name: `Profile ${id.slice(0, 1)}`, ...changes });

function expectInvalid(reply: Reply, field: string | undefined, message?: RegExp): void {
  expectError(reply, 400, 'invalid_request');
  const error = (reply.json as { error: { field?: string; message: string } }).error;
  expect(error.field).toBe(field);
  if (message) expect(error.message).toMatch(message);
}

async function preview(admin: Client, body: unknown): Promise<PolicyPreview> {
  const reply = await admin.post('/api/admin/policy/preview', body);
  expect(reply.status, reply.text).toBe(200);
  return reply.json as PolicyPreview;
}

describe('GET /api/admin/policy', () => {
  it('a fresh lab: enabled for all users, self-service on, one default profile without restrictions', async () => {
    const { admin } = await createTenant();
    expect(await getPolicy(admin)).toEqual({
      id: 'Fido2',
      state: 'enabled',
      isSelfServiceRegistrationAllowed: true,
      includeTargets: [{ id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] }],
      excludeTargets: [],
      passkeyProfiles: [
        {
          id: DEFAULT_PASSKEY_PROFILE_ID,
          name: 'Default passkey profile',
          passkeyTypes: 'deviceBound,synced',
          attestationEnforcement: 'disabled',
          keyRestrictions: { isEnforced: false, enforcementType: 'block', aaGuids: [] },
        },
      ],
      defaultPasskeyProfile: DEFAULT_PASSKEY_PROFILE_ID,
    });
  });
});

describe('PATCH /api/admin/policy', () => {
  it('changes only the fields sent and answers the new document, which GET then returns', async () => {
    const { admin } = await createTenant();
    const next = await patchPolicy(admin, { isSelfServiceRegistrationAllowed: false });
    expect(next).toEqual({ ...defaultFido2Policy(), isSelfServiceRegistrationAllowed: false });
    expect(await getPolicy(admin)).toEqual(next);
  });

  it('accepts a body copied from Graph, with "@odata.type" and id', async () => {
    const { admin } = await createTenant();
    const next = await patchPolicy(admin, { '@odata.type': GRAPH_FIDO2_ODATA_TYPE, id: 'Fido2', state: 'disabled' });
    expect(next.state).toBe('disabled');
    expect(next).not.toHaveProperty('@odata.type');
    expect(await getPolicy(admin)).toEqual(next);
  });

  it('accepts the whole document it answered (GET → PATCH round trip)', async () => {
    const { admin } = await createTenant();
    const current = await getPolicy(admin);
    expect(await patchPolicy(admin, current)).toEqual(current);
  });

  it('passkeyProfiles replaces every profile (no merge by id)', async () => {
    const { admin } = await createTenant();
    const three = await patchPolicy(admin, { passkeyProfiles: [defaultProfile, profile(PROFILE_B), profile(PROFILE_C)] });
    expect(three.passkeyProfiles.map((p) => p.id)).toEqual([DEFAULT_PASSKEY_PROFILE_ID, PROFILE_B, PROFILE_C]);
    // Three profiles again, one of them new: still at most three, the old ones are gone.
    const replaced = await patchPolicy(admin, { passkeyProfiles: [profile(PROFILE_D), defaultProfile] });
    expect(replaced.passkeyProfiles.map((p) => p.id)).toEqual([PROFILE_D, DEFAULT_PASSKEY_PROFILE_ID]);
    expect((await getPolicy(admin)).passkeyProfiles).toEqual(replaced.passkeyProfiles);
  });

  it('includeTargets replaces every target; AAGUIDs are stored in lower case without duplicates', async () => {
    const { admin } = await createTenant();
    const group = await createGroup(admin, 'Pilot');
    const next = await patchPolicy(admin, {
      includeTargets: [{ id: group.id, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] }],
      passkeyProfiles: [{ ...defaultProfile, keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS.toUpperCase(), MICROSOFT_IOS] } }],
    });
    expect(next.includeTargets).toEqual([{ id: group.id, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] }]);
    expect(next.passkeyProfiles[0]?.keyRestrictions.aaGuids).toEqual([MICROSOFT_IOS]);
  });

  const invalidChanges: { name: string; body: (ids: { group: string }) => unknown; field: string | undefined; message?: RegExp }[] = [
    {
      name: 'a malformed AAGUID',
      body: () => ({ passkeyProfiles: [{ ...defaultProfile, keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS, '90a3ccdf-635c-4729-a248'] } }] }),
      field: 'passkeyProfiles[0].keyRestrictions.aaGuids[1]',
      message: /is not an AAGUID/,
    },
    {
      name: 'a fourth profile',
      body: () => ({ passkeyProfiles: [defaultProfile, profile(PROFILE_B), profile(PROFILE_C), profile(PROFILE_D)] }),
      field: 'passkeyProfiles',
      message: /at most 3/,
    },
    { name: 'a duplicate profile id', body: () => ({ passkeyProfiles: [defaultProfile, profile(DEFAULT_PASSKEY_PROFILE_ID)] }), field: 'passkeyProfiles[1].id', message: /repeats the id/ },
    { name: 'a default profile that does not exist', body: () => ({ defaultPasskeyProfile: PROFILE_B }), field: 'defaultPasskeyProfile', message: /not the id of any/ },
    { name: 'dropping the default profile', body: () => ({ passkeyProfiles: [profile(PROFILE_B)] }), field: 'defaultPasskeyProfile' },
    {
      name: 'an include target naming an unknown group',
      body: () => ({ includeTargets: [{ id: '0f0f0f0f-0000-4000-8000-000000000000', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] }] }),
      field: 'includeTargets[0].id',
      message: /unknown group/,
    },
    {
      name: 'an include target naming an unknown profile',
      body: () => ({ includeTargets: [{ id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE_B] }] }),
      field: 'includeTargets[0].allowedPasskeyProfiles[0]',
      message: /not the id of any of passkeyProfiles/,
    },
    { name: 'an exclude target naming an unknown group', body: () => ({ excludeTargets: [{ id: 'nope', targetType: 'group' }] }), field: 'excludeTargets[0].id', message: /unknown group/ },
    { name: 'excluding all_users', body: () => ({ excludeTargets: [{ id: 'all_users', targetType: 'group' }] }), field: 'excludeTargets[0].id', message: /cannot exclude all_users/ },
    { name: 'the classic isAttestationEnforced', body: () => ({ isAttestationEnforced: true }), field: 'isAttestationEnforced', message: /attestationEnforcement/ },
    {
      name: 'the classic top-level keyRestrictions',
      body: () => ({ keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS] } }),
      field: 'keyRestrictions',
      message: /passkeyProfiles\[\]\.keyRestrictions/,
    },
    { name: 'an unknown state', body: () => ({ state: 'on' }), field: 'state' },
    { name: 'an unknown passkeyTypes', body: () => ({ passkeyProfiles: [{ ...defaultProfile, passkeyTypes: 'all' }] }), field: 'passkeyProfiles[0].passkeyTypes' },
    { name: 'an unknown attestationEnforcement', body: () => ({ passkeyProfiles: [{ ...defaultProfile, attestationEnforcement: 'always' }] }), field: 'passkeyProfiles[0].attestationEnforcement' },
    {
      name: 'an unknown enforcementType',
      body: () => ({ passkeyProfiles: [{ ...defaultProfile, keyRestrictions: { isEnforced: true, enforcementType: 'deny', aaGuids: [] } }] }),
      field: 'passkeyProfiles[0].keyRestrictions.enforcementType',
    },
    { name: 'another @odata.type', body: () => ({ '@odata.type': '#microsoft.graph.smsAuthenticationMethodConfiguration', state: 'disabled' }), field: '@odata.type' },
    { name: 'another id', body: () => ({ id: 'Sms', state: 'disabled' }), field: 'id' },
    { name: 'a valid change next to an invalid one', body: ({ group }) => ({ state: 'disabled', excludeTargets: [{ id: group, targetType: 'group' }, { id: 'all_users' }] }), field: 'excludeTargets[1].id' },
    { name: 'a body that is not an object', body: () => ['state', 'disabled'], field: undefined },
  ];

  it.each(invalidChanges)('$name → 400 invalid_request naming $field; nothing saved', async ({ body, field, message }) => {
    const { admin, db } = await createTenant();
    const group = await createGroup(admin, 'Pilot');
    const before = await getPolicy(admin);
    const settingsBefore = db.prepare('SELECT * FROM tenant_settings ORDER BY key').all();
    expectInvalid(await admin.patch('/api/admin/policy', body({ group: group.id })), field, message);
    expect(await getPolicy(admin)).toEqual(before);
    expect(db.prepare('SELECT * FROM tenant_settings ORDER BY key').all()).toEqual(settingsBefore);
  });

  it('a body that is not JSON → 400 invalid_request, nothing saved', async () => {
    const { admin } = await createTenant();
    const before = await getPolicy(admin);
    expectInvalid(await admin.request('PATCH', '/api/admin/policy', { raw: '{"state": "disabled"' }), undefined);
    expect(await getPolicy(admin)).toEqual(before);
  });

  it('a body without Content-Type: application/json → 415', async () => {
    const { admin } = await createTenant();
    expectError(await admin.request('PATCH', '/api/admin/policy', { raw: '{"state":"disabled"}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expect((await getPolicy(admin)).state).toBe('enabled');
  });

  it('after an invalid change, the next valid one applies to the stored document', async () => {
    const { admin } = await createTenant();
    await patchPolicy(admin, { isSelfServiceRegistrationAllowed: false });
    expectInvalid(await admin.patch('/api/admin/policy', { state: 'disabled', defaultPasskeyProfile: PROFILE_B }), 'defaultPasskeyProfile');
    const next = await patchPolicy(admin, { state: 'disabled' });
    expect(next).toMatchObject({ state: 'disabled', isSelfServiceRegistrationAllowed: false });
  });
});

describe('POST /api/admin/policy/preview', () => {
  async function population() {
    const tenant = await createTenant(); // admin: zero AAGUID, device-bound
    const alice = await newUser(tenant, 'alice', { aaguid: MICROSOFT_IOS });
    const bob = await newUser(tenant, 'bob', { aaguid: OTHER });
    const bobSecond = await bob.client.register(createAuthenticator({ aaguid: MICROSOFT_ANDROID }), 'bob');
    const carol = await newUser(tenant, 'carol', { aaguid: CHROMIUM_VIRTUAL, backupEligible: true });
    return { ...tenant, alice, bob, bobSecond: bobSecond.credential, carol };
  }

  it('names the passkeys that would stop and the users locked out; nothing is saved', async () => {
    const { admin, db, alice, bob, bobSecond, carol } = await population();
    const before = await getPolicy(admin);
    const settings = count(db, 'tenant_settings');
    const body = { passkeyProfiles: [{ ...defaultProfile, keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS, MICROSOFT_ANDROID] } }] };
    const result = await preview(admin, body);
    expect(result.changedFields).toEqual(['passkeyProfiles']);
    expect(result.policy).toEqual({ ...before, passkeyProfiles: body.passkeyProfiles });
    expect(result.patch).toEqual(body);
    const stopping = result.impact.passkeysStopping;
    expect(stopping.map((p) => p.username).sort()).toEqual(['admin', 'bob', 'carol']);
    const bobs = stopping.find((p) => p.username === 'bob')!;
    expect(bobs).toEqual({
      credentialId: bob.credential.id,
      nickname: bob.credential.nickname,
      username: 'bob',
      aaguid: OTHER,
      providerName: null,
      code: 'aaguid_blocked',
      reason: expect.stringContaining(OTHER),
    });
    expect(stopping.find((p) => p.username === 'carol')).toMatchObject({ credentialId: carol.credential.id, providerName: 'Chromium virtual authenticator' });
    expect(stopping.map((p) => p.credentialId)).not.toContain(alice.credential.id);
    expect(stopping.map((p) => p.credentialId)).not.toContain(bobSecond.id);
    // Bob keeps his Android passkey; the admin and carol have none left.
    expect(result.impact.usersLockedOut.map((u) => u.username).sort()).toEqual(['admin', 'carol']);
    expect(result.impact.usersLockedOut.find((u) => u.username === 'carol')).toEqual({ userId: carol.user.id, username: 'carol', passkeys: 1 });
    expect(result.impact.passkeysStarting).toBe(0);
    expect(await getPolicy(admin)).toEqual(before);
    expect(count(db, 'tenant_settings')).toBe(settings);
  });

  it('device-bound only stops the synced passkey; turning the method off stops all of them', async () => {
    const { admin, carol } = await population();
    const deviceBound = await preview(admin, { passkeyProfiles: [{ ...defaultProfile, passkeyTypes: 'deviceBound' }] });
    expect(deviceBound.impact.passkeysStopping).toEqual([expect.objectContaining({ credentialId: carol.credential.id, code: 'passkey_type_not_allowed' })]);
    const off = await preview(admin, { state: 'disabled' });
    expect(off.impact.passkeysStopping).toHaveLength(5);
    expect(new Set(off.impact.passkeysStopping.map((p) => p.code))).toEqual(new Set(['policy_disabled']));
    expect(off.impact.usersLockedOut).toHaveLength(4);
  });

  it('passkeysStarting counts the passkeys a change lets in again', async () => {
    const { admin } = await population();
    await restrictKeys(admin, 'allow', [MICROSOFT_IOS]);
    const widened = await preview(admin, { passkeyProfiles: [{ ...defaultProfile, keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS, MICROSOFT_ANDROID] } }] });
    expect(widened.impact).toEqual({ passkeysStopping: [], passkeysStarting: 1, usersLockedOut: [] });
  });

  it('an exclude target: its members’ passkeys stop with not_in_policy_scope', async () => {
    const { admin, bob } = await population();
    const group = await createGroup(admin, 'Contractors', ['bob']);
    const result = await preview(admin, { excludeTargets: [{ id: group.id, targetType: 'group' }] });
    expect(result.impact.passkeysStopping.map((p) => [p.username, p.code])).toEqual([
      ['bob', 'not_in_policy_scope'],
      ['bob', 'not_in_policy_scope'],
    ]);
    expect(result.impact.usersLockedOut).toEqual([{ userId: bob.user.id, username: 'bob', passkeys: 2 }]);
  });

  it('refuses what PATCH refuses, with the same field', async () => {
    const { admin } = await createTenant();
    expectInvalid(await admin.post('/api/admin/policy/preview', { excludeTargets: [{ id: 'all_users' }] }), 'excludeTargets[0].id');
    expectInvalid(await admin.post('/api/admin/policy/preview', { isAttestationEnforced: true }), 'isAttestationEnforced');
    expectInvalid(await admin.request('POST', '/api/admin/policy/preview', { raw: 'not json' }), undefined);
  });
});

describe('POST /api/admin/policy/prepare-allow-list', () => {
  it('what-if: an allow list of every AAGUID in use plus Microsoft Authenticator’s that locks nobody out; PATCH applies it', async () => {
    const tenant = await createTenant();
    const { admin, db } = tenant;
    await newUser(tenant, 'alice', { aaguid: OTHER });
    await newUser(tenant, 'bob', { aaguid: CHROMIUM_VIRTUAL, backupEligible: true });
    await patchPolicy(admin, { state: 'enabled', isSelfServiceRegistrationAllowed: false });
    const before = await getPolicy(admin);

    const reply = await admin.post('/api/admin/policy/prepare-allow-list', {});
    expect(reply.status, reply.text).toBe(200);
    const whatIf = reply.json as PolicyPreview;
    expect(await getPolicy(admin), 'a what-if saves nothing').toEqual(before);
    expect(whatIf.patch).toMatchObject({ state: 'enabled', isSelfServiceRegistrationAllowed: true });
    const restrictions = whatIf.policy.passkeyProfiles[0]!.keyRestrictions;
    expect(restrictions).toMatchObject({ isEnforced: true, enforcementType: 'allow' });
    expect([...restrictions.aaGuids].sort()).toEqual([ZERO_AAGUID, OTHER, CHROMIUM_VIRTUAL, MICROSOFT_IOS, MICROSOFT_ANDROID].sort());
    expect(whatIf.policy.passkeyProfiles[0]!.attestationEnforcement).toBe('disabled');
    expect(whatIf.changedFields).toEqual(['isSelfServiceRegistrationAllowed', 'passkeyProfiles']);
    expect(whatIf.impact).toEqual({ passkeysStopping: [], passkeysStarting: 0, usersLockedOut: [] });

    const applied = await patchPolicy(admin, whatIf.patch);
    expect(applied).toEqual(whatIf.policy);
    expect(await getPolicy(admin)).toEqual(whatIf.policy);
    expect(db.prepare('SELECT COUNT(*) AS n FROM credentials').get()).toEqual({ n: 3 });
  });

  it.each([
    { request: { microsoftAaguidsAllowed: 'iOS' }, microsoft: [MICROSOFT_IOS] },
    { request: { microsoftAaguidsAllowed: 'Android' }, microsoft: [MICROSOFT_ANDROID] },
    { request: { microsoftAaguidsAllowed: 'All' }, microsoft: [MICROSOFT_IOS, MICROSOFT_ANDROID] },
  ])('microsoftAaguidsAllowed $request.microsoftAaguidsAllowed', async ({ request, microsoft }) => {
    const { admin } = await createTenant();
    const reply = await admin.post('/api/admin/policy/prepare-allow-list', request);
    expect(reply.status, reply.text).toBe(200);
    expect((reply.json as PolicyPreview).policy.passkeyProfiles[0]!.keyRestrictions.aaGuids).toEqual([ZERO_AAGUID, ...microsoft]);
  });

  it('keeps the AAGUIDs already allowed unless overwriteExistingAaguids; enforceAttestation turns attestation on', async () => {
    const { admin } = await createTenant();
    await restrictKeys(admin, 'allow', [OTHER, ZERO_AAGUID]);
    const kept = (await admin.post('/api/admin/policy/prepare-allow-list', { microsoftAaguidsAllowed: 'iOS', enforceAttestation: true })).json as PolicyPreview;
    expect(kept.policy.passkeyProfiles[0]).toMatchObject({
      attestationEnforcement: 'registrationOnly',
      keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [OTHER, ZERO_AAGUID, MICROSOFT_IOS] },
    });
    const overwritten = (await admin.post('/api/admin/policy/prepare-allow-list', { microsoftAaguidsAllowed: 'iOS', overwriteExistingAaguids: true })).json as PolicyPreview;
    expect(overwritten.policy.passkeyProfiles[0]!.keyRestrictions.aaGuids).toEqual([ZERO_AAGUID, MICROSOFT_IOS]);
  });

  it('block list entries are not carried into the allow list', async () => {
    const { admin } = await createTenant();
    await restrictKeys(admin, 'block', [OTHER]);
    const whatIf = (await admin.post('/api/admin/policy/prepare-allow-list', {})).json as PolicyPreview;
    expect(whatIf.policy.passkeyProfiles[0]!.keyRestrictions.aaGuids).not.toContain(OTHER);
  });

  it('an unknown microsoftAaguidsAllowed → 400 naming the field', async () => {
    const { admin } = await createTenant();
    expectInvalid(await admin.post('/api/admin/policy/prepare-allow-list', { microsoftAaguidsAllowed: 'Windows' }), 'microsoftAaguidsAllowed');
  });
});

describe('GET /api/admin/aaguids', () => {
  it('counts passkeys, users, attested passkeys and the last use per AAGUID, most passkeys first, with allowedByPolicy', async () => {
    const tenant = await createTenant();
    const { admin, clock } = tenant;
    const alice = await newUser(tenant, 'alice', { aaguid: MICROSOFT_IOS });
    const bob = await newUser(tenant, 'bob', { aaguid: MICROSOFT_IOS });
    await bob.client.register(createAuthenticator({ aaguid: MICROSOFT_IOS }), 'bob');
    await newUser(tenant, 'carol', { aaguid: OTHER });

    clock.advance(60_000);
    await alice.client.signIn(alice.key, 'alice');
    const aliceUsedAt = new Date(clock.now).toISOString();
    clock.advance(60_000);
    await bob.client.signIn(bob.key, 'bob');
    const bobUsedAt = new Date(clock.now).toISOString();

    await restrictKeys(admin, 'block', [OTHER]);
    const reply = await admin.get('/api/admin/aaguids');
    expect(reply.status, reply.text).toBe(200);
    const aaguids = (reply.json as { aaguids: unknown[] }).aaguids.map((row) => aaguidUsageSchema.parse(row));
    // Most passkeys first; a tie in AAGUID order.
    expect(aaguids.map((row) => row.aaguid)).toEqual([MICROSOFT_IOS, ZERO_AAGUID, OTHER]);
    expect(aaguids[0]).toEqual({
      aaguid: MICROSOFT_IOS,
      providerName: 'Microsoft Authenticator (iOS)',
      providerIcon: null,
      passkeys: 3,
      users: 2,
      usernames: ['alice', 'bob'],
      attestedPasskeys: 0,
      simulatedPasskeys: 0,
      lastUsedAt: bobUsedAt,
      allowedByPolicy: true,
    });
    expect(aliceUsedAt < bobUsedAt).toBe(true);
    expect(aaguids.find((row) => row.aaguid === OTHER)).toMatchObject({ passkeys: 1, users: 1, usernames: ['carol'], lastUsedAt: null, allowedByPolicy: false });
    expect(aaguids.find((row) => row.aaguid === ZERO_AAGUID)).toMatchObject({ providerName: null, passkeys: 1, usernames: ['admin'], allowedByPolicy: true });
  });

  it('allowedByPolicy follows an allow list, and is false for every AAGUID when the method is off', async () => {
    const tenant = await createTenant();
    await newUser(tenant, 'alice', { aaguid: MICROSOFT_ANDROID });
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_ANDROID]);
    const allowed = async () =>
      Object.fromEntries(((await tenant.admin.get('/api/admin/aaguids')).json as { aaguids: { aaguid: string; allowedByPolicy: boolean }[] }).aaguids.map((row) => [row.aaguid, row.allowedByPolicy]));
    expect(await allowed()).toEqual({ [MICROSOFT_ANDROID]: true, [ZERO_AAGUID]: false });
    await patchPolicy(tenant.admin, { state: 'disabled' });
    expect(await allowed()).toEqual({ [MICROSOFT_ANDROID]: false, [ZERO_AAGUID]: false });
  });

  it('an empty tenant (only the admin) lists the admin’s AAGUID', async () => {
    const { admin } = await createTenant();
    const reply = await admin.get('/api/admin/aaguids');
    expect((reply.json as { aaguids: { aaguid: string; passkeys: number }[] }).aaguids).toEqual([expect.objectContaining({ aaguid: ZERO_AAGUID, passkeys: 1 })]);
  });
});
