/**
 * The tenant passkey policy enforced in both ceremonies (docs/api.md, "Policy enforcement in
 * the ceremonies"), with AAGUIDs Chromium's virtual authenticator cannot produce (Microsoft
 * Authenticator's), the BE flag, groups, self-service and attestation — including a packed
 * attestation whose x5c chain leads to a root from an MDS metadata statement
 * (fixtures/attestation-ca). Every refusal: 403 with its code, the report's last check is
 * `policy`, and nothing is stored.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RpConfig } from '../../src/rp/config';
import type { ErrorCode } from '../../src/shared/error-codes';
import { credentialListSchema } from '../../src/shared/schemas';
import { type AttestationCertificate, type AuthenticatorOptions, createAuthenticator, type RegisterOverrides, type SoftAuthenticator } from '../soft-authenticator';
import {
  changeDefaultProfile,
  type Client,
  count,
  createGroup,
  createTenant,
  credentialRow,
  expectError,
  expectPolicyRefusal,
  expectSignedOut,
  issueTap,
  MICROSOFT_ANDROID,
  MICROSOFT_IOS,
  newUser,
  patchPolicy,
  restrictKeys,
  signInWithTap,
  snapshot,
  type Tenant,
  testConfig,
  type World,
} from './helpers';
import { issueCertificate } from './inspect-fixtures';

/** An AAGUID no directory knows. */
const OTHER = 'a1b2c3d4-0000-4000-8000-0000000000ee';

// ---- the test attestation CA (fixtures/attestation-ca/README.md) ------------------------------

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'attestation-ca');
const ATTESTED_AAGUID = 'c0ffee00-1ab0-4a55-9e1d-0000000a77e5';
const rootDer = new X509Certificate(readFileSync(path.join(FIXTURES, 'root.pem'))).raw;
const attestation: AttestationCertificate = {
  x5c: [new X509Certificate(readFileSync(path.join(FIXTURES, 'attestation.pem'))).raw],
  privateKey: createPrivateKey(readFileSync(path.join(FIXTURES, 'attestation.key'))),
};
const fullAttestation: RegisterOverrides = { fmt: 'packed', attestationCertificate: attestation };

/** An MDS_METADATA_PATH file with one statement for ATTESTED_AAGUID whose root is `root`. */
function mdsFile(root: Buffer = rootDer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'passkey-lab-mds-')), 'mds.json');
  writeFileSync(
    file,
    JSON.stringify([
      {
        aaguid: ATTESTED_AAGUID,
        description: 'Passkey Lab Test Authenticator',
        attestationTypes: ['basic_full'],
        attestationRootCertificates: [root.toString('base64')],
      },
    ]),
  );
  return file;
}
const mdsPath = mdsFile();

// ---- ceremonies that must be refused -----------------------------------------------------------

/** Registration (options then verify) refused at verify by the policy; nothing stored. */
async function refusedRegistration(world: World, client: Client, key: SoftAuthenticator, username: string, code: ErrorCode, overrides?: RegisterOverrides) {
  const options = await client.registrationOptions({ username });
  const before = snapshot(world.db);
  const users = count(world.db, 'users');
  const credentials = count(world.db, 'credentials');
  const reply = await client.verifyRegistration(await key.register(options, overrides));
  const report = expectPolicyRefusal(reply, code);
  expect(snapshot(world.db)).toEqual(before);
  expect(count(world.db, 'users')).toBe(users);
  expect(count(world.db, 'credentials')).toBe(credentials);
  return report;
}

/** Sign-in (username first, in a new browser) refused by the policy; counter and lastUsedAt unchanged, no session. */
async function refusedSignIn(world: World, key: SoftAuthenticator, username: string, code: ErrorCode) {
  const client = world.client();
  const options = await client.authenticationOptions({ username });
  const credentialId = (await key.credentials())[0]!.id;
  const before = snapshot(world.db);
  const row = credentialRow(world.db, credentialId);
  const reply = await client.verifyAuthentication(await key.authenticate(options));
  const report = expectPolicyRefusal(reply, code);
  expect(report.checks.map((check) => check.id)).toEqual(['challenge', 'origin', 'type', 'credential', 'userHandle', 'rpIdHash', 'userPresence', 'userVerification', 'backupFlags', 'signature', 'counter', 'policy']);
  expect(credentialRow(world.db, credentialId)).toEqual(row);
  expect(snapshot(world.db)).toEqual(before);
  await expectSignedOut(client);
  return report;
}

/** A new account that registers in a new browser (must succeed). */
function register(tenant: Tenant, username: string, settings: AuthenticatorOptions = {}, overrides?: RegisterOverrides) {
  return newUser(tenant, username, settings, overrides);
}

describe('key restrictions: an allow list of Microsoft Authenticator (iOS and Android)', () => {
  async function allowMicrosoft() {
    const tenant = await createTenant();
    // Registered before the allow list: it will stop working.
    const early = await register(tenant, 'early', { aaguid: OTHER });
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS, MICROSOFT_ANDROID]);
    return { ...tenant, early };
  }

  it.each([
    ['iOS', MICROSOFT_IOS, 'Microsoft Authenticator (iOS)'],
    ['Android', MICROSOFT_ANDROID, 'Microsoft Authenticator (Android)'],
  ])('Microsoft Authenticator %s registers and signs in', async (_name, aaguid, providerName) => {
    const tenant = await allowMicrosoft();
    const { client, key, credential } = await register(tenant, 'alice', { aaguid });
    expect(credential).toMatchObject({ aaguid, providerName, attested: false });
    await client.signOut();
    const again = await client.signIn(key, 'alice');
    expect(again.report.checks.at(-1)).toMatchObject({ id: 'policy', passed: true, message: expect.stringContaining('Default passkey profile') });
  });

  it('another AAGUID is refused at registration with aaguid_blocked: no user, no credential', async () => {
    const tenant = await allowMicrosoft();
    const report = await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: OTHER }), 'mallory', 'aaguid_blocked');
    expect(report.checks.at(-1)?.message).toContain(OTHER);
    expect(report.checks.map((check) => check.id)).toEqual(['challenge', 'origin', 'type', 'rpIdHash', 'userPresence', 'userVerification', 'backupFlags', 'credentialId', 'publicKey', 'attestation', 'credentialUnique', 'policy']);
  });

  it('another AAGUID is refused when a signed-in user adds it', async () => {
    const tenant = await allowMicrosoft();
    const { client } = await register(tenant, 'alice', { aaguid: MICROSOFT_IOS });
    await refusedRegistration(tenant, client, createAuthenticator({ aaguid: OTHER }), 'alice', 'aaguid_blocked');
  });

  it('an already-registered passkey with another AAGUID stops signing in (counter and lastUsedAt unchanged)', async () => {
    const tenant = await allowMicrosoft();
    await refusedSignIn(tenant, tenant.early.key, 'early', 'aaguid_blocked');
    // … also usernameless.
    const client = tenant.client();
    const reply = await client.verifyAuthentication(await tenant.early.key.authenticate(await client.authenticationOptions()));
    expectPolicyRefusal(reply, 'aaguid_blocked');
  });

  it('it signs in again once the allow list is lifted', async () => {
    const tenant = await allowMicrosoft();
    await refusedSignIn(tenant, tenant.early.key, 'early', 'aaguid_blocked');
    await changeDefaultProfile(tenant.admin, { keyRestrictions: { isEnforced: false, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS] } });
    const verified = await tenant.client().signIn(tenant.early.key, 'early');
    expect(verified.credential.lastUsedAt).not.toBeNull();
  });
});

describe('key restrictions: a block list', () => {
  it('a blocked AAGUID is refused at registration and sign-in; others pass', async () => {
    const tenant = await createTenant();
    const blocked = await register(tenant, 'bob', { aaguid: MICROSOFT_ANDROID });
    await restrictKeys(tenant.admin, 'block', [MICROSOFT_ANDROID.toUpperCase()]);
    await refusedSignIn(tenant, blocked.key, 'bob', 'aaguid_blocked');
    await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: MICROSOFT_ANDROID }), 'carol', 'aaguid_blocked');
    await register(tenant, 'dave', { aaguid: MICROSOFT_IOS });
  });
});

describe('passkey types (synced = the BE flag)', () => {
  it('deviceBound: a synced passkey is refused at registration and an existing one stops signing in; a device-bound one passes', async () => {
    const tenant = await createTenant();
    const synced = await register(tenant, 'sam', { aaguid: MICROSOFT_IOS, backupEligible: true, backupState: true });
    expect(synced.credential.deviceType).toBe('multiDevice');
    await changeDefaultProfile(tenant.admin, { passkeyTypes: 'deviceBound' });
    await refusedSignIn(tenant, synced.key, 'sam', 'passkey_type_not_allowed');
    const report = await refusedRegistration(tenant, tenant.client(), createAuthenticator({ backupEligible: true }), 'sue', 'passkey_type_not_allowed');
    expect(report.checks.at(-1)?.message).toMatch(/does not allow synced passkeys/);
    const bound = await register(tenant, 'dan', { backupEligible: false });
    expect(bound.credential.deviceType).toBe('singleDevice');
  });

  it('synced: a device-bound passkey is refused; a synced one passes', async () => {
    const tenant = await createTenant();
    await changeDefaultProfile(tenant.admin, { passkeyTypes: 'synced' });
    await refusedRegistration(tenant, tenant.client(), createAuthenticator({ backupEligible: false }), 'dan', 'passkey_type_not_allowed');
    await register(tenant, 'sam', { backupEligible: true });
  });
});

describe('state disabled', () => {
  it('registration options → 403 policy_disabled; nothing stored', async () => {
    const tenant = await createTenant();
    await patchPolicy(tenant.admin, { state: 'disabled' });
    const before = snapshot(tenant.db);
    expectError(await tenant.client().post('/api/registration/options', { username: 'alice' }), 403, 'policy_disabled');
    expect(snapshot(tenant.db)).toEqual(before);
  });

  it('a registration whose options came before the switch is refused at verify', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const options = await client.registrationOptions({ username: 'alice' });
    await patchPolicy(tenant.admin, { state: 'disabled' });
    const before = snapshot(tenant.db);
    expectPolicyRefusal(await client.verifyRegistration(await createAuthenticator().register(options)), 'policy_disabled');
    expect(snapshot(tenant.db)).toEqual(before);
  });

  it('sign-in options are still given, the verify is refused with policy_disabled', async () => {
    const tenant = await createTenant();
    const alice = await register(tenant, 'alice');
    await patchPolicy(tenant.admin, { state: 'disabled' });
    await refusedSignIn(tenant, alice.key, 'alice', 'policy_disabled');
  });
});

describe('scope: include and exclude targets', () => {
  async function pilotOnly() {
    const tenant = await createTenant();
    const inside = await register(tenant, 'ivy');
    const outside = await register(tenant, 'otto');
    const pilot = await createGroup(tenant.admin, 'Pilot', ['ivy']);
    await patchPolicy(tenant.admin, { includeTargets: [{ id: pilot.id, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] }] });
    return { ...tenant, inside, outside, pilot };
  }

  it('a group-scoped policy: a member signs in and adds a passkey; someone outside it is refused not_in_policy_scope', async () => {
    const tenant = await pilotOnly();
    await tenant.client().signIn(tenant.inside.key, 'ivy');
    await tenant.inside.client.register(createAuthenticator(), 'ivy');
    await refusedSignIn(tenant, tenant.outside.key, 'otto', 'not_in_policy_scope');
    expectError(await tenant.outside.client.post('/api/registration/options', { username: 'otto' }), 403, 'not_in_policy_scope');
  });

  it('a new account (signed out) is in scope through all_users only', async () => {
    const tenant = await pilotOnly();
    const before = snapshot(tenant.db);
    expectError(await tenant.client().post('/api/registration/options', { username: 'newbie' }), 403, 'not_in_policy_scope');
    expect(snapshot(tenant.db)).toEqual(before);
  });

  it('leaving the group stops the passkeys at the next sign-in', async () => {
    const tenant = await pilotOnly();
    const removed = await tenant.admin.delete(`/api/admin/groups/${tenant.pilot.id}/members/${tenant.inside.user.id}`);
    expect(removed.status, removed.text).toBe(204);
    await refusedSignIn(tenant, tenant.inside.key, 'ivy', 'not_in_policy_scope');
  });

  it('an exclude target wins over all_users: sign-in and adding a passkey are refused for its members', async () => {
    const tenant = await createTenant();
    const contractor = await register(tenant, 'cleo');
    const staff = await register(tenant, 'stan');
    const contractors = await createGroup(tenant.admin, 'Contractors', ['cleo']);
    await patchPolicy(tenant.admin, { excludeTargets: [{ id: contractors.id, targetType: 'group' }] });
    const report = await refusedSignIn(tenant, contractor.key, 'cleo', 'not_in_policy_scope');
    expect(report.checks.at(-1)?.message).toContain(contractors.id);
    expectError(await contractor.client.post('/api/registration/options', { username: 'cleo' }), 403, 'not_in_policy_scope');
    await tenant.client().signIn(staff.key, 'stan');
  });

  it('a profile per group: a member passes through their group’s profile, others through the default', async () => {
    const tenant = await createTenant();
    const keyUser = await register(tenant, 'kim', { aaguid: OTHER });
    const securityKeys = await createGroup(tenant.admin, 'Security keys', ['kim']);
    const PROFILE = 'b0000000-0000-4000-8000-00000000000b';
    const current = (await tenant.admin.get('/api/admin/policy')).json as { passkeyProfiles: Record<string, unknown>[] };
    await patchPolicy(tenant.admin, {
      passkeyProfiles: [
        { ...current.passkeyProfiles[0], keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [MICROSOFT_IOS] } },
        { id: PROFILE, name: 'Security keys', passkeyTypes: 'deviceBound', keyRestrictions: { isEnforced: true, enforcementType: 'allow', aaGuids: [OTHER] } },
      ],
      includeTargets: [
        { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
        { id: securityKeys.id, targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [PROFILE] },
      ],
    });
    const verified = await tenant.client().signIn(keyUser.key, 'kim');
    expect(verified.report.checks.at(-1)?.message).toContain('Security keys');
    // The same AAGUID for someone outside the group: the default profile's allow list refuses it.
    await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: OTHER }), 'olga', 'aaguid_blocked');
  });
});

describe('self-service off', () => {
  async function selfServiceOff() {
    const tenant = await createTenant();
    const alice = await register(tenant, 'alice');
    await patchPolicy(tenant.admin, { isSelfServiceRegistrationAllowed: false });
    return { ...tenant, alice };
  }

  it('a new account cannot register: options → 403 self_service_not_allowed, nothing stored', async () => {
    const tenant = await selfServiceOff();
    const before = snapshot(tenant.db);
    expectError(await tenant.client().post('/api/registration/options', { username: 'bob' }), 403, 'self_service_not_allowed');
    expect(snapshot(tenant.db)).toEqual(before);
  });

  it('a passkey-signed-in user cannot add a passkey either; signing in still works', async () => {
    const tenant = await selfServiceOff();
    expectError(await tenant.alice.client.post('/api/registration/options', { username: 'alice' }), 403, 'self_service_not_allowed');
    await tenant.client().signIn(tenant.alice.key, 'alice');
  });

  it('a registration whose options came before the switch is refused at verify', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const options = await client.registrationOptions({ username: 'bob' });
    await patchPolicy(tenant.admin, { isSelfServiceRegistrationAllowed: false });
    const before = snapshot(tenant.db);
    expectPolicyRefusal(await client.verifyRegistration(await createAuthenticator().register(options)), 'self_service_not_allowed');
    expect(snapshot(tenant.db)).toEqual(before);
  });

  it('a session started with a Temporary Access Pass may register', async () => {
    const tenant = await selfServiceOff();
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    const client = tenant.client();
    const signedIn = await signInWithTap(client, 'newhire', tap.temporaryAccessPass);
    expect(signedIn.status, signedIn.text).toBe(200);
    const verified = await client.register(createAuthenticator({ aaguid: MICROSOFT_IOS }), 'newhire');
    expect(verified.user.username).toBe('newhire');
    expect(verified.report.checks.at(-1)).toMatchObject({ id: 'policy', passed: true });
    const list = credentialListSchema.parse((await client.get('/api/credentials')).json);
    expect(list.credentials.map((c) => c.aaguid)).toEqual([MICROSOFT_IOS]);
  });

  it('the TAP session is still bound by the other rules (an allow list)', async () => {
    const tenant = await selfServiceOff();
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS]);
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    const client = tenant.client();
    expect((await signInWithTap(client, 'newhire', tap.temporaryAccessPass)).status).toBe(200);
    await refusedRegistration(tenant, client, createAuthenticator({ aaguid: OTHER }), 'newhire', 'aaguid_blocked');
  });
});

describe('attestation enforced (registrationOnly)', () => {
  async function enforced(config: RpConfig = { ...testConfig(), mdsMetadataPath: mdsPath }) {
    const tenant = await createTenant(config);
    const before = await register(tenant, 'early');
    await changeDefaultProfile(tenant.admin, { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    return { ...tenant, early: before };
  }

  it('registration options ask for attestation "direct" (and "none" when no profile enforces it)', async () => {
    const tenant = await createTenant();
    expect((await tenant.client().registrationOptions({ username: 'a' })).attestation).toBe('none');
    await changeDefaultProfile(tenant.admin, { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    expect((await tenant.client().registrationOptions({ username: 'b' })).attestation).toBe('direct');
    expect((await tenant.admin.registrationOptions({ username: 'admin' })).attestation).toBe('direct');
  });

  it.each<[string, RegisterOverrides]>([
    ['"none" attestation', { fmt: 'none' }],
    ['packed self attestation', { fmt: 'packed' }],
  ])('%s → 403 attestation_required, nothing stored', async (_name, overrides) => {
    const tenant = await enforced();
    const report = await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: ATTESTED_AAGUID }), 'mallory', 'attestation_required', overrides);
    expect(report.checks.find((check) => check.id === 'attestation')?.passed).toBe(true);
  });

  it('packed with x5c but no metadata for its root → attestation_required (the chain was not checked)', async () => {
    const tenant = await enforced(testConfig());
    await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: ATTESTED_AAGUID }), 'mallory', 'attestation_required', fullAttestation);
  });

  it('packed with x5c whose chain leads to another root than the metadata statement’s → attestation_required', async () => {
    const otherRoot = issueCertificate({ subject: { C: 'US', O: 'Someone Else', CN: 'Other Root' }, ca: true }).der;
    const tenant = await enforced({ ...testConfig(), mdsMetadataPath: mdsFile(otherRoot) });
    await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: ATTESTED_AAGUID }), 'mallory', 'attestation_required', fullAttestation);
  });

  it('packed with an x5c chain to the MDS root is accepted; the credential is attested', async () => {
    const tenant = await enforced();
    const key = createAuthenticator({ aaguid: ATTESTED_AAGUID, transports: ['usb'] });
    const { client, credential } = await register(tenant, 'alice', { aaguid: ATTESTED_AAGUID, transports: ['usb'] }, fullAttestation);
    expect(credential).toMatchObject({ aaguid: ATTESTED_AAGUID, attested: true, providerName: 'Passkey Lab Test Authenticator' });
    expect(tenant.db.prepare('SELECT attested, attestation_format FROM credentials WHERE id = ?').get(credential.id)).toEqual({ attested: 1, attestation_format: 'packed' });
    const list = credentialListSchema.parse((await client.get('/api/credentials')).json);
    expect(list.credentials[0]?.attested).toBe(true);
    // The same AAGUID claimed without attestation is only a claim: refused.
    await refusedRegistration(tenant, tenant.client(), key, 'spoofer', 'attestation_required');
  });

  it('attestation is not checked at sign-in: an unattested passkey registered before still signs in', async () => {
    const tenant = await enforced();
    const verified = await tenant.client().signIn(tenant.early.key, 'early');
    expect(verified.credential.attested).toBe(false);
  });

  it('an allow list plus attestation: only the attested model registers', async () => {
    const tenant = await enforced();
    await restrictKeys(tenant.admin, 'allow', [ATTESTED_AAGUID], { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    // Not on the list: refused for the AAGUID before attestation is looked at.
    await refusedRegistration(tenant, tenant.client(), createAuthenticator({ aaguid: MICROSOFT_IOS }), 'ian', 'aaguid_blocked');
    // The attestation certificate's AAGUID extension pins its model: the library refuses it for another AAGUID.
    const client = tenant.client();
    const options = await client.registrationOptions({ username: 'ida' });
    expectError(await client.verifyRegistration(await createAuthenticator({ aaguid: MICROSOFT_IOS }).register(options, fullAttestation)), 400, 'attestation_invalid');
    await register(tenant, 'alice', { aaguid: ATTESTED_AAGUID }, fullAttestation);
  });

  it('without enforcement an x5c chain to the MDS root still marks the credential attested, and the inventory counts it', async () => {
    const tenant = await createTenant({ ...testConfig(), mdsMetadataPath: mdsPath });
    const { credential } = await register(tenant, 'alice', { aaguid: ATTESTED_AAGUID }, fullAttestation);
    expect(credential.attested).toBe(true);
    await register(tenant, 'bob', { aaguid: ATTESTED_AAGUID });
    const inventory = (await tenant.admin.get('/api/admin/aaguids')).json as { aaguids: { aaguid: string; passkeys: number; attestedPasskeys: number }[] };
    expect(inventory.aaguids.find((row) => row.aaguid === ATTESTED_AAGUID)).toMatchObject({ passkeys: 2, attestedPasskeys: 1 });
  });
});
