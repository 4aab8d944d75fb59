/** The registration campaign (docs/api.md): nudge people a target requires to register; 3 snoozes, then registration is required. */
import { describe, expect, it } from 'vitest';
import { type Campaign, campaignSchema } from '../../src/shared/tenant';
import { createAuthenticator } from '../soft-authenticator';
import { type Client, createGroup, createTenant, expectError, issueTap, newUser, patchPolicy, signInWithTap, type Tenant } from './helpers';

async function campaign(client: Client): Promise<Campaign> {
  const reply = await client.get('/api/registration-campaign');
  expect(reply.status, reply.text).toBe(200);
  return campaignSchema.parse(reply.json);
}

async function snooze(client: Client): Promise<Campaign> {
  const reply = await client.post('/api/registration-campaign/snooze');
  expect(reply.status, reply.text).toBe(200);
  return campaignSchema.parse(reply.json);
}

/** An "Onboarding" group whose target requires registration, with `newhire` (no passkey, a multi-use TAP) in it. */
async function onboarding(): Promise<Tenant & { code: string; signIn: () => Promise<Client> }> {
  const tenant = await createTenant();
  const tap = await issueTap(tenant.admin, { username: 'newhire', lifetimeInMinutes: 600 });
  const group = await createGroup(tenant.admin, 'Onboarding', ['newhire']);
  await patchPolicy(tenant.admin, {
    includeTargets: [
      { id: 'all_users', targetType: 'group', isRegistrationRequired: false, allowedPasskeyProfiles: [] },
      { id: group.id, targetType: 'group', isRegistrationRequired: true, allowedPasskeyProfiles: [] },
    ],
  });
  const signIn = async () => {
    const client = tenant.client();
    const reply = await signInWithTap(client, 'newhire', tap.temporaryAccessPass);
    expect(reply.status, reply.text).toBe(200);
    return client;
  };
  return { ...tenant, code: tap.temporaryAccessPass, signIn };
}

describe('registration campaign', () => {
  it('signed out → 401 not_signed_in', async () => {
    const tenant = await createTenant();
    expectError(await tenant.client().get('/api/registration-campaign'), 401, 'not_signed_in');
    expectError(await tenant.client().post('/api/registration-campaign/snooze'), 401, 'not_signed_in');
  });

  it('nudges a user in a target with isRegistrationRequired who has no passkey', async () => {
    const tenant = await onboarding();
    expect(await campaign(await tenant.signIn())).toMatchObject({ nudge: true, snoozesUsed: 0, snoozesLeft: 3, mustRegister: false });
  });

  it('does not nudge someone whose targets do not require registration, nor anyone when the method is off', async () => {
    const tenant = await onboarding();
    const other = await issueTap(tenant.admin, { username: 'outsider' });
    const client = tenant.client();
    expect((await signInWithTap(client, 'outsider', other.temporaryAccessPass)).status).toBe(200);
    expect(await campaign(client)).toMatchObject({ nudge: false, mustRegister: false });
    expect(await campaign(tenant.admin)).toMatchObject({ nudge: false, mustRegister: false });
    await patchPolicy(tenant.admin, { state: 'disabled' });
    expect(await campaign(await tenant.signIn())).toMatchObject({ nudge: false, mustRegister: false });
  });

  it('all_users with isRegistrationRequired nudges everyone without a passkey', async () => {
    const tenant = await createTenant();
    await patchPolicy(tenant.admin, { includeTargets: [{ id: 'all_users', isRegistrationRequired: true }] });
    const tap = await issueTap(tenant.admin, { username: 'newhire' });
    const client = tenant.client();
    await signInWithTap(client, 'newhire', tap.temporaryAccessPass);
    expect((await campaign(client)).nudge).toBe(true);
    expect((await campaign(tenant.admin)).nudge, 'the admin has a passkey').toBe(false);
  });

  it('a snooze hides the nudge for this session; the next sign-in asks again', async () => {
    const tenant = await onboarding();
    const first = await tenant.signIn();
    expect(await snooze(first)).toMatchObject({ nudge: false, snoozesUsed: 1, snoozesLeft: 2, mustRegister: false });
    expect(await campaign(first)).toMatchObject({ nudge: false, snoozesUsed: 1, snoozesLeft: 2, mustRegister: false });
    // Snoozing again in the same session does not use up another snooze.
    expect((await snooze(first)).snoozesUsed).toBe(1);
    expect(await campaign(await tenant.signIn())).toMatchObject({ nudge: true, snoozesUsed: 1, snoozesLeft: 2, mustRegister: false });
  });

  it('snoozed 3 times (one per sign-in): the next sign-in must register, and a 4th snooze → 409 snooze_limit_reached', async () => {
    const tenant = await onboarding();
    for (const left of [2, 1, 0]) {
      const client = await tenant.signIn();
      expect((await campaign(client)).nudge).toBe(true);
      const after = await snooze(client);
      expect(after).toMatchObject({ nudge: false, snoozesUsed: 3 - left, snoozesLeft: left });
    }
    const client = await tenant.signIn();
    expect(await campaign(client)).toMatchObject({ nudge: true, snoozesUsed: 3, snoozesLeft: 0, mustRegister: true });
    expectError(await client.post('/api/registration-campaign/snooze'), 409, 'snooze_limit_reached');
    expect(await campaign(client)).toMatchObject({ nudge: true, snoozesUsed: 3, snoozesLeft: 0, mustRegister: true });
    expect(tenant.db.prepare("SELECT campaign_snoozes FROM users WHERE username = 'newhire'").get()).toEqual({ campaign_snoozes: 3 });
  });

  it('no nudge once the user has a passkey (registered in the TAP session), even after every snooze', async () => {
    const tenant = await onboarding();
    for (let i = 0; i < 3; i += 1) await snooze(await tenant.signIn());
    const client = await tenant.signIn();
    expect((await campaign(client)).mustRegister).toBe(true);
    await client.register(createAuthenticator(), 'newhire');
    expect(await campaign(client)).toMatchObject({ nudge: false, reason: null, snoozesUsed: 3, snoozesLeft: null, mustRegister: false });
    const reply = await client.post('/api/registration-campaign/snooze');
    expect(reply.status, reply.text).toBe(200);
  });

  it('a snooze without a nudge changes nothing', async () => {
    const tenant = await createTenant();
    const { client } = await newUser(tenant, 'alice');
    expect(await snooze(client)).toMatchObject({ nudge: false, snoozesUsed: 0, snoozesLeft: null, mustRegister: false });
  });
});
