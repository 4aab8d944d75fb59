/**
 * The rollout of late 2026 over HTTP (docs/api.md, "Rollout timeline", "Registration campaign
 * (admin)", "Rollout dashboard"): the tenant date drives what applies, each refusal in the
 * contract's error shape, and the dashboard matches the sign-in log.
 */
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/shared/dashboard';
import type { RolloutTimeline } from '../../src/shared/rollout';
import { campaignSchema, type SignInLogEntry } from '../../src/shared/tenant';
import { createAuthenticator, type SoftAuthenticator } from '../soft-authenticator';
import { type Client, createGroup, createTenant, expectError, issueTap, newUser, patchPolicy, type Reply, signInWithTap, type Tenant } from './helpers';

async function setTenantDate(admin: Client, tenantDate: string | null, passkeyDynamicMigration?: boolean): Promise<RolloutTimeline> {
  const body = passkeyDynamicMigration === undefined ? { tenantDate } : { tenantDate, optOutSettings: { passkeyDynamicMigration } };
  const reply = await admin.patch('/api/admin/rollout', body);
  expect(reply.status, reply.text).toBe(200);
  return reply.json as RolloutTimeline;
}

async function markSms(admin: Client, userId: string, hasSms = true): Promise<void> {
  const reply = await admin.request('PUT', `/api/admin/sms-methods/${userId}`, { body: { hasSms } });
  expect(reply.status, reply.text).toBe(200);
}

/** `sam` exists only through a Temporary Access Pass (no passkey) and has the simulated SMS method. */
async function smsUser(tenant: Tenant): Promise<{ signIn: () => Promise<Client>; userId: string }> {
  const tap = await issueTap(tenant.admin, { username: 'sam', lifetimeInMinutes: 600 });
  await markSms(tenant.admin, tap.user.id);
  const signIn = async () => {
    const client = tenant.client();
    const reply = await signInWithTap(client, 'sam', tap.temporaryAccessPass);
    expect(reply.status, reply.text).toBe(200);
    return client;
  };
  return { signIn, userId: tap.user.id };
}

/** Options then verify; the first refusal is the answer. */
async function tryRegister(client: Client, key: SoftAuthenticator, username: string): Promise<Reply> {
  const options = await client.post('/api/registration/options', { username });
  if (options.status !== 200) return options;
  return client.verifyRegistration(await key.register((options.json as { options: PublicKeyCredentialCreationOptionsJSON }).options));
}

const campaignOf = async (client: Client) => campaignSchema.parse((await client.get('/api/registration-campaign')).json);

describe('rollout timeline: admin endpoints and their refusals', () => {
  it('only admins: 401 signed out, 403 forbidden for a user', async () => {
    const tenant = await createTenant();
    const { client } = await newUser(tenant, 'alice');
    for (const [method, path] of [
      ['GET', '/api/admin/rollout'],
      ['PATCH', '/api/admin/rollout'],
      ['GET', '/api/admin/registration-campaign'],
      ['PATCH', '/api/admin/registration-campaign'],
      ['PUT', '/api/admin/sms-methods/x'],
      ['GET', '/api/admin/dashboard'],
      ['GET', '/api/admin/dashboard/export?table=users'],
    ] as const) {
      expectError(await client.request(method, path, method === 'GET' ? {} : { body: {} }), 403, 'forbidden');
      expectError(await tenant.client().request(method, path, method === 'GET' ? {} : { body: {} }), 401, 'not_signed_in');
    }
  });

  it('the tenant date defaults to today and refuses what is not a calendar day', async () => {
    const tenant = await createTenant();
    const timeline = (await tenant.admin.get('/api/admin/rollout')).json as RolloutTimeline;
    expect(timeline.settings).toEqual({ tenantDate: null, optOutSettings: { passkeyDynamicMigration: false } });
    expect(timeline.today).toBe(timeline.realToday);
    for (const tenantDate of ['2026-02-30', '1 Sep 2026', 20260901]) {
      const reply = await tenant.admin.patch('/api/admin/rollout', { tenantDate });
      expectError(reply, 400, 'invalid_request');
      expect((reply.json as { error: { field: string } }).error.field).toBe('tenantDate');
    }
    const unknown = await tenant.admin.patch('/api/admin/rollout', { optOutSettings: { passkeyDynamicMigration: true, other: 1 } });
    expectError(unknown, 400, 'invalid_request');
    expect((unknown.json as { error: { field: string } }).error.field).toBe('optOutSettings.other');
    const after = await setTenantDate(tenant.admin, '2027-02-01');
    expect(after).toMatchObject({ today: '2027-02-01', rules: { phase: 'smsRetired', blockingPromptForSmsOnly: true } });
    expect(after.milestones.map((m) => [m.id, m.reached])).toEqual([['passkeysByDefault', true], ['smsRetired', true]]);
  });

  it('the registration campaign: Graph shape, and a field error for each refusal', async () => {
    const tenant = await createTenant();
    expect((await tenant.admin.get('/api/admin/registration-campaign')).json).toMatchObject({ state: 'default', snoozeDurationInDays: 1, enforceRegistrationAfterAllowedSnoozes: true });
    const cases: [Record<string, unknown>, string][] = [
      [{ snoozeDurationInDays: 15 }, 'snoozeDurationInDays'],
      [{ snoozeDurationInDays: 1.5 }, 'snoozeDurationInDays'],
      [{ state: 'on' }, 'state'],
      [{ enforceRegistrationAfterAllowedSnoozes: 'yes' }, 'enforceRegistrationAfterAllowedSnoozes'],
      [{ includeTargets: [{ id: 'no-such-group', targetType: 'group', targetedAuthenticationMethod: 'fido2' }] }, 'includeTargets.0.id'],
      [{ includeTargets: [{ id: 'all_users', targetedAuthenticationMethod: 'sms' }] }, 'includeTargets.0.targetedAuthenticationMethod'],
      [{ excludeTargets: [{ id: 'all_users' }] }, 'excludeTargets.0.id'],
      [{ excludeTargets: [{ id: 'nobody', targetType: 'user' }] }, 'excludeTargets.0.id'],
      [{ isRegistrationRequired: true }, 'isRegistrationRequired'],
    ];
    for (const [body, field] of cases) {
      const reply = await tenant.admin.patch('/api/admin/registration-campaign', body);
      expectError(reply, 400, 'invalid_request');
      expect((reply.json as { error: { field: string } }).error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await tenant.admin.get('/api/admin/registration-campaign')).json).toMatchObject({ state: 'default', snoozeDurationInDays: 1 }); // nothing half-stored
    const group = await createGroup(tenant.admin, 'Pilot');
    const saved = await tenant.admin.patch('/api/admin/registration-campaign', {
      '@odata.type': '#microsoft.graph.authenticationMethodsRegistrationCampaign',
      state: 'enabled',
      snoozeDurationInDays: 14,
      includeTargets: [{ id: group.id, targetType: 'group', targetedAuthenticationMethod: 'fido2' }],
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ state: 'enabled', snoozeDurationInDays: 14, includeTargets: [{ id: group.id }] });
  });

  it('marking SMS: 404 not_found for an unknown user, 400 for a body that is not { hasSms }', async () => {
    const tenant = await createTenant();
    expectError(await tenant.admin.request('PUT', '/api/admin/sms-methods/nobody', { body: { hasSms: true } }), 404, 'not_found');
    const { user } = await newUser(tenant, 'alice');
    expectError(await tenant.admin.request('PUT', `/api/admin/sms-methods/${user.id}`, { body: { hasSms: 'yes' } }), 400, 'invalid_request');
    await markSms(tenant.admin, user.id);
    expect(((await tenant.admin.get('/api/admin/rollout')).json as RolloutTimeline).users).toEqual({ total: 2, withPasskey: 2, withSms: 1, smsOnly: 0 });
  });
});

describe('rollout timeline: what the tenant date changes', () => {
  it('before 1 September an SMS user outside the policy cannot register; from then on they can, unless the tenant opted out', async () => {
    const tenant = await createTenant();
    await patchPolicy(tenant.admin, { state: 'disabled' });
    const sam = await smsUser(tenant);
    await setTenantDate(tenant.admin, '2026-08-31');
    expectError(await tryRegister(await sam.signIn(), createAuthenticator(), 'sam'), 403, 'policy_disabled');
    await setTenantDate(tenant.admin, '2026-09-02', true);
    expectError(await tryRegister(await sam.signIn(), createAuthenticator(), 'sam'), 403, 'policy_disabled');
    await setTenantDate(tenant.admin, '2026-09-02', false);
    const client = await sam.signIn();
    // Passkeys by default: a profile allowing every passkey type, synced ones included.
    const registered = await tryRegister(client, createAuthenticator({ backupEligible: true, backupState: true }), 'sam');
    expect(registered.status, registered.text).toBe(200);
  });

  it('the campaign: off by default before 1 September, Microsoft managed with unlimited snoozes after, blocking after 1 February 2027', async () => {
    const tenant = await createTenant();
    const sam = await smsUser(tenant);
    await setTenantDate(tenant.admin, '2026-08-31');
    expect(await campaignOf(await sam.signIn())).toMatchObject({ nudge: false, reason: null });

    await setTenantDate(tenant.admin, '2026-09-01');
    for (let i = 0; i < 5; i += 1) {
      const client = await sam.signIn();
      expect(await campaignOf(client)).toMatchObject({ nudge: true, reason: 'microsoftManaged', snoozesLeft: null, mustRegister: false });
      const reply = await client.post('/api/registration-campaign/snooze');
      expect(reply.status, reply.text).toBe(200);
      // Graph's default snoozeDurationInDays (1): the nudge comes back the next day.
      await setTenantDate(tenant.admin, `2026-09-0${i + 2}`);
    }

    await setTenantDate(tenant.admin, '2027-02-01', true);
    const client = await sam.signIn();
    expect(await campaignOf(client)).toMatchObject({ nudge: true, reason: 'smsRetired', mustRegister: true, snoozesLeft: 0 });
    expectError(await client.post('/api/registration-campaign/snooze'), 409, 'sms_retired');
    await client.register(createAuthenticator(), 'sam');
    expect(await campaignOf(client)).toMatchObject({ nudge: false, reason: null });
  });

  it('snoozeDurationInDays: the nudge stays away for that many tenant days', async () => {
    const tenant = await createTenant();
    await issueTap(tenant.admin, { username: 'pat', lifetimeInMinutes: 600 }).then(async (tap) => {
      const patch = await tenant.admin.patch('/api/admin/registration-campaign', { state: 'enabled', snoozeDurationInDays: 3 });
      expect(patch.status, patch.text).toBe(200);
      await setTenantDate(tenant.admin, '2026-05-01');
      const signIn = async () => {
        const client = tenant.client();
        expect((await signInWithTap(client, 'pat', tap.temporaryAccessPass)).status).toBe(200);
        return client;
      };
      const first = await signIn();
      expect((await first.post('/api/registration-campaign/snooze')).status).toBe(200);
      await setTenantDate(tenant.admin, '2026-05-03');
      expect(await campaignOf(await signIn())).toMatchObject({ nudge: false, snoozesLeft: 2 });
      await setTenantDate(tenant.admin, '2026-05-04');
      expect(await campaignOf(await signIn())).toMatchObject({ nudge: true, snoozesLeft: 2 });
    });
  });
});

describe('rollout dashboard', () => {
  it('matches the sign-in log, counts passkeys by provider and kind, and exports CSV', async () => {
    const tenant = await createTenant();
    const alice = await newUser(tenant, 'alice', { backupEligible: true, backupState: true });
    await tenant.client().signIn(alice.key, 'alice');
    await tenant.client().signIn(alice.key);
    const sam = await smsUser(tenant);
    await sam.signIn();
    await tryRegister(tenant.client(), createAuthenticator(), 'admin'); // a refused attempt: not counted

    const dashboard = (await tenant.admin.get('/api/admin/dashboard')).json as Dashboard;
    expect(dashboard.users).toEqual({ total: 3, withPasskey: 2, withoutPasskey: 1, withSms: 1, smsOnly: 1, dependingOnSms: ['sam'] });
    expect(dashboard.passkeys).toMatchObject({ total: 2, deviceBound: 1, synced: 1, attested: 0, notAttested: 2 });

    const log = ((await tenant.admin.get('/api/admin/sign-in-log?limit=500')).json as { entries: SignInLogEntry[] }).entries;
    const successes = log.filter((entry) => entry.result === 'success' && entry.ceremony !== 'registration');
    const byDay = new Map<string, { passkey: number; temporaryAccessPass: number }>();
    for (const entry of successes) {
      const day = byDay.get(entry.at.slice(0, 10)) ?? { passkey: 0, temporaryAccessPass: 0 };
      day[entry.method] += 1;
      byDay.set(entry.at.slice(0, 10), day);
    }
    expect(dashboard.signInsPerDay).toEqual([...byDay].map(([day, counts]) => ({ day, ...counts })));
    expect(dashboard.signInsPerDay.reduce((n, day) => n + day.passkey, 0)).toBe(2);
    expect(dashboard.signInsPerDay.reduce((n, day) => n + day.temporaryAccessPass, 0)).toBe(1);
    const registrations = log.filter((entry) => entry.ceremony === 'registration' && entry.result === 'success').length;
    expect(dashboard.campaignPerDay.reduce((n, day) => n + day.registrations, 0)).toBe(registrations);

    const csv = await tenant.admin.get('/api/admin/dashboard/export?table=users');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Depending on SMS only,1\r\n');
    expectError(await tenant.admin.get('/api/admin/dashboard/export?table=secrets'), 400, 'invalid_request');
  });

  it('counts nudges once per person a day and each "Not now"', async () => {
    const tenant = await createTenant();
    const sam = await smsUser(tenant);
    await setTenantDate(tenant.admin, '2026-09-01');
    const client = await sam.signIn();
    await campaignOf(client);
    await campaignOf(client);
    expect((await client.post('/api/registration-campaign/snooze')).status).toBe(200);
    const dashboard = (await tenant.admin.get('/api/admin/dashboard')).json as Dashboard;
    expect(dashboard.campaignPerDay.reduce((n, day) => n + day.nudged, 0)).toBe(1);
    expect(dashboard.campaignPerDay.reduce((n, day) => n + day.snoozed, 0)).toBe(1);
  });
});

describe('rollout timeline: the server’s clock', () => {
  it('with no tenant date, the rules follow the server’s own clock (the one tests and the guide inject), not the machine’s', async () => {
    const tenant = await createTenant();
    tenant.clock.now = Date.parse('2026-08-31T12:00:00Z');
    await patchPolicy(tenant.admin, { state: 'disabled' });
    const tap = await issueTap(tenant.admin, { username: 'sam', lifetimeInMinutes: 4 * 24 * 60 });
    await markSms(tenant.admin, tap.user.id);
    const signIn = async () => {
      const client = tenant.client();
      expect((await signInWithTap(client, 'sam', tap.temporaryAccessPass)).status).toBe(200);
      return client;
    };
    expectError(await tryRegister(await signIn(), createAuthenticator(), 'sam'), 403, 'policy_disabled');
    tenant.clock.advance(2 * 24 * 60 * 60 * 1000);
    const registered = await tryRegister(await signIn(), createAuthenticator({ backupEligible: true, backupState: true }), 'sam');
    expect(registered.status, registered.text).toBe(200);
  });
});
