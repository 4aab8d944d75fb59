/** The sign-in log (docs/api.md): every registration, passkey sign-in and TAP attempt, with its result; never a secret. */
import { describe, expect, it } from 'vitest';
import { type SignInLogEntry, signInLogEntrySchema } from '../../src/shared/tenant';
import { createAuthenticator } from '../soft-authenticator';
import { type Client, createTenant, expectError, issueTap, MICROSOFT_ANDROID, MICROSOFT_IOS, restrictKeys, signInWithTap, type Tenant } from './helpers';

const CHROME_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_ON_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const OTHER = 'a1b2c3d4-0000-4000-8000-0000000000ee';

async function log(admin: Client, query = ''): Promise<SignInLogEntry[]> {
  const reply = await admin.get(`/api/admin/sign-in-log${query}`);
  expect(reply.status, reply.text).toBe(200);
  return (reply.json as { entries: unknown[] }).entries.map((entry) => signInLogEntrySchema.parse(entry));
}

/**
 * A day in the tenant, from a browser that sends a User-Agent: alice registers (Microsoft
 * Authenticator iOS) and signs in; an allow list of iOS stops bob's Android passkey; mallory's
 * registration with another AAGUID is refused; newhire tries a wrong then the right TAP.
 */
async function aDay() {
  const tenant = await createTenant();
  const headers = { 'user-agent': CHROME_ON_WINDOWS };
  const browser = (): Client => {
    const client = tenant.client();
    const request = client.request.bind(client);
    client.request = (method, path, options = {}) => request(method, path, { ...options, headers: { ...headers, ...options.headers } });
    return client;
  };
  const secrets: string[] = [];

  const alice = browser();
  const aliceKey = createAuthenticator({ aaguid: MICROSOFT_IOS });
  const aliceOptions = await alice.registrationOptions({ username: 'alice' });
  secrets.push(aliceOptions.challenge);
  const registered = await alice.verifyRegistration(await aliceKey.register(aliceOptions));
  expect(registered.status, registered.text).toBe(200);
  const aliceCredential = (registered.json as { credential: { id: string }; user: { id: string } }).credential.id;
  const aliceId = (registered.json as { user: { id: string } }).user.id;
  await alice.signOut();
  const signInOptions = await alice.authenticationOptions({ username: 'alice' });
  secrets.push(signInOptions.challenge);
  expect((await alice.verifyAuthentication(await aliceKey.authenticate(signInOptions))).status).toBe(200);

  const bob = browser();
  const bobKey = createAuthenticator({ aaguid: MICROSOFT_ANDROID });
  await bob.register(bobKey, 'bob');
  await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS]);
  const bobOptions = await bob.authenticationOptions({ username: 'bob' });
  secrets.push(bobOptions.challenge);
  expect((await bob.verifyAuthentication(await bobKey.authenticate(bobOptions))).status).toBe(403);

  const mallory = browser();
  const malloryKey = createAuthenticator({ aaguid: OTHER });
  const malloryOptions = await mallory.registrationOptions({ username: 'mallory' });
  expect((await mallory.verifyRegistration(await malloryKey.register(malloryOptions))).status).toBe(403);

  const tap = await issueTap(tenant.admin, { username: 'newhire' });
  secrets.push(tap.temporaryAccessPass);
  const newhire = tenant.client();
  const phone = { headers: { 'user-agent': SAFARI_ON_IPHONE } };
  expectError(await signInWithTap(newhire, 'newhire', 'WRONGCODE', phone), 401, 'tap_invalid');
  expect((await signInWithTap(newhire, 'newhire', tap.temporaryAccessPass, phone)).status).toBe(200);

  return { ...tenant, aliceId, aliceCredential, bobCredential: (await bobKey.credentials())[0]!.id, malloryCredential: (await malloryKey.credentials())[0]!.id, secrets, tapUser: tap.user };
}

describe('GET /api/admin/sign-in-log', () => {
  it('logs registrations, passkey sign-ins and TAP attempts, newest first, with who, which passkey, result, method and browser', async () => {
    const day = await aDay();
    const entries = await log(day.admin);
    const withoutAdmin = entries.filter((entry) => entry.username !== 'admin');
    expect(withoutAdmin.map((entry) => [entry.ceremony, entry.username, entry.result])).toEqual([
      ['temporaryAccessPass', 'newhire', 'success'],
      ['temporaryAccessPass', 'newhire', 'tap_invalid'],
      ['registration', 'mallory', 'aaguid_blocked'],
      ['authentication', 'bob', 'aaguid_blocked'],
      ['registration', 'bob', 'success'],
      ['authentication', 'alice', 'success'],
      ['registration', 'alice', 'success'],
    ]);
    expect(entries.map((entry) => entry.id)).toEqual([...entries.map((entry) => entry.id)].sort((a, b) => b - a));

    const [tapSuccess, tapFailure, refusedRegistration, refusedSignIn, , aliceSignIn, aliceRegistration] = withoutAdmin;
    expect(aliceRegistration).toMatchObject({
      userId: day.aliceId,
      credentialId: day.aliceCredential,
      aaguid: MICROSOFT_IOS,
      providerName: 'Microsoft Authenticator (iOS)',
      method: 'passkey',
      browser: 'Chrome',
      os: 'Windows',
    });
    expect(aliceSignIn).toMatchObject({ userId: day.aliceId, credentialId: day.aliceCredential, aaguid: MICROSOFT_IOS, method: 'passkey', browser: 'Chrome', os: 'Windows' });
    expect(refusedSignIn).toMatchObject({ credentialId: day.bobCredential, aaguid: MICROSOFT_ANDROID, providerName: 'Microsoft Authenticator (Android)', method: 'passkey' });
    expect(refusedSignIn?.userId).toBeTruthy();
    expect(refusedRegistration).toMatchObject({ userId: null, credentialId: day.malloryCredential, aaguid: OTHER, providerName: null, method: 'passkey' });
    expect(tapFailure).toMatchObject({ ceremony: 'temporaryAccessPass', method: 'temporaryAccessPass', credentialId: null, aaguid: null, browser: 'Safari', os: 'iOS' });
    expect(tapSuccess).toMatchObject({ userId: day.tapUser.id, method: 'temporaryAccessPass', browser: 'Safari', os: 'iOS' });
    for (const entry of entries) expect(Date.parse(entry.at)).not.toBeNaN();
  });

  it('holds no TAP code, no challenge and no session id', async () => {
    const day = await aDay();
    const reply = await day.admin.get('/api/admin/sign-in-log?limit=500');
    const stored = JSON.stringify(day.db.prepare('SELECT * FROM sign_in_log').all());
    const sessionIds = [day.admin.sessionId!];
    for (const secret of [...day.secrets, ...sessionIds]) {
      expect(reply.text).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
    expect(stored).not.toContain('WRONGCODE');
  });

  it.each<[string, string, (entry: SignInLogEntry) => boolean]>([
    ['username (any case)', '?username=ALICE', (entry) => entry.username === 'alice'],
    ['ceremony', '?ceremony=registration', (entry) => entry.ceremony === 'registration'],
    ['result=success', '?result=success', (entry) => entry.result === 'success'],
    ['result=failure', '?result=failure', (entry) => entry.result !== 'success'],
    ['result=<code>', '?result=aaguid_blocked', (entry) => entry.result === 'aaguid_blocked'],
    ['several filters', '?ceremony=authentication&result=failure', (entry) => entry.ceremony === 'authentication' && entry.result !== 'success'],
  ])('filters by %s', async (_name, query, keep) => {
    const day = await aDay();
    const all = await log(day.admin, '?limit=500');
    const filtered = await log(day.admin, query);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered).toEqual(all.filter(keep));
  });

  it('result=failure lists the refusals only', async () => {
    const day = await aDay();
    expect((await log(day.admin, '?result=failure')).map((entry) => entry.result)).toEqual(['tap_invalid', 'aaguid_blocked', 'aaguid_blocked']);
  });

  it('limit keeps the newest entries', async () => {
    const day = await aDay();
    const all = await log(day.admin);
    expect(await log(day.admin, '?limit=2')).toEqual(all.slice(0, 2));
    expect(await log(day.admin, '?limit=1')).toEqual(all.slice(0, 1));
  });

  it.each([
    ['limit', '?limit=0'],
    ['limit', '?limit=501'],
    ['limit', '?limit=ten'],
    ['limit', '?limit=1.5'],
    ['ceremony', '?ceremony=handoff'],
  ])('an invalid %s (%s) → 400 invalid_request naming it', async (field, query) => {
    const tenant = await createTenant();
    const reply = await tenant.admin.get(`/api/admin/sign-in-log${query}`);
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { error: { field?: string } }).error.field).toBe(field);
  });

  it('an attempt with an unknown credential is logged without a user; a request without User-Agent says so', async () => {
    const tenant: Tenant = await createTenant();
    const stranger = tenant.client();
    const options = await stranger.authenticationOptions();
    const key = createAuthenticator();
    await key.register(await tenant.client().registrationOptions({ username: 'ghost' }));
    expectError(await stranger.verifyAuthentication(await key.authenticate(options)), 400, 'credential_not_found');
    const [entry] = await log(tenant.admin, '?result=credential_not_found');
    expect(entry).toMatchObject({
      ceremony: 'authentication',
      userId: null,
      username: null,
      credentialId: (await key.credentials())[0]!.id,
      aaguid: null,
      browser: 'an unknown browser',
      os: 'an unknown system',
    });
  });
});

describe('attempts the policy refuses before any ceremony', () => {
  it('a registration refused at its options (policy_disabled) is logged with the username', async () => {
    const tenant = await createTenant();
    expect((await tenant.admin.patch('/api/admin/policy', { state: 'disabled' })).status).toBe(200);
    expectError(await tenant.client().post('/api/registration/options', { username: 'latecomer' }), 403, 'policy_disabled');
    const [entry] = await log(tenant.admin, '?username=latecomer');
    expect(entry).toMatchObject({ ceremony: 'registration', result: 'policy_disabled', userId: null, credentialId: null });
  });

  it('an expired or used pass is logged with the user it belongs to', async () => {
    const tenant = await createTenant();
    const tap = await issueTap(tenant.admin, { username: 'newhire', isUsableOnce: true });
    expect((await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass)).status).toBe(200);
    expectError(await signInWithTap(tenant.client(), 'newhire', tap.temporaryAccessPass), 401, 'tap_used');
    const [entry] = await log(tenant.admin, '?username=newhire');
    expect(entry).toMatchObject({ ceremony: 'temporaryAccessPass', result: 'tap_used', userId: tap.user.id });
  });
});

describe('a username-first attempt with someone else’s passkey', () => {
  it('is filed under the name typed, not under the passkey’s owner', async () => {
    const tenant = await createTenant();
    const aliceKey = createAuthenticator();
    await tenant.client().register(aliceKey, 'alice');
    const bobKey = createAuthenticator();
    const bob = await tenant.client().register(bobKey, 'bob');
    for (const typed of ['alice', 'nobody']) {
      const client = tenant.client();
      const options = await client.authenticationOptions({ username: typed });
      expectError(await client.verifyAuthentication(await bobKey.authenticate(options, { credentialId: bob.credential.id })), 400, 'credential_not_allowed');
    }
    const refused = (await log(tenant.admin)).filter((entry) => entry.result === 'credential_not_allowed');
    expect(refused.map((entry) => entry.username).sort()).toEqual(['alice', 'nobody']);
    expect(refused.find((entry) => entry.username === 'nobody')?.userId).toBeNull();
  });
});
