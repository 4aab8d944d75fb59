/**
 * The SPA's claim `device: { simulated: true, preset }` on a verify request (practice mode, or
 * the QA kit's simulator marking the window). With the
 * default policy the options ask for attestation "none", so a simulated device answers fmt none
 * (as browsers do) and only the claim says it is simulated: the passkey, its report, the sign-in
 * log, the inventory and the sensitive app label it "Simulated device: not attested". The
 * claim never raises trust and never satisfies an attestation-enforced policy; an attested
 * simulated device stays `simulatedBy: 'attestation'` whatever it claims.
 */
import { describe, expect, it } from 'vitest';
import { simulatedAtRegistration, simulatedAtSignIn } from '../../src/rp/simulator/claim';
import { credentialListSchema, verifiedSchema } from '../../src/shared/schemas';
import { attestationCertificateResponseSchema } from '../../src/shared/simulator';
import { SIMULATED_CLAIM_LABEL } from '../../src/shared/simulator-labels';
import { type AaguidUsage, sensitiveAppSchema, type SignInLogEntry } from '../../src/shared/tenant';
import type { AttestationIssuer, PresetId } from '../../testkit/core/types';
import { createSoftAuthenticator, type SoftAuthenticator } from '../../testkit/node';
import { type Client, createTenant, expectError, expectPolicyRefusal, MICROSOFT_IOS, restrictKeys } from './helpers';

const claim = (preset: PresetId = 'microsoft-authenticator-ios') => ({ device: { simulated: true, preset } });

/** The lab as the device's attestation issuer (what practice mode uses in the browser). */
function labIssuer(client: Client): AttestationIssuer {
  return {
    async issue({ publicKeySpki, aaguid, preset }) {
      const reply = await client.post('/api/simulator/attestation-certificate', { publicKey: Buffer.from(publicKeySpki).toString('base64url'), aaguid, preset });
      return attestationCertificateResponseSchema.parse(reply.json).x5c.map((cert) => new Uint8Array(Buffer.from(cert, 'base64url')));
    },
  };
}

// The kit's JSON types and @simplewebauthn's describe the same JSON; passed through as is.
async function register(client: Client, device: SoftAuthenticator, username: string, extra: Record<string, unknown> = {}) {
  const options = await client.registrationOptions({ username });
  return { options, reply: await client.verifyRegistration((await device.register(options as never)) as never, extra) };
}

async function signIn(client: Client, device: SoftAuthenticator, extra: Record<string, unknown> = {}) {
  const options = await client.authenticationOptions();
  return client.post('/api/authentication/verify', { response: await device.authenticate(options as never), ...extra });
}

describe('practice mode’s claim of a simulated device', () => {
  it('default policy: fmt none with the claim registers labelled simulated (claim), not attested, trust unchanged', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const device = createSoftAuthenticator('microsoft-authenticator-ios');
    const { options, reply } = await register(client, device, 'alice', claim());
    expect(options.attestation ?? 'none').toBe('none');
    expect(reply.status, reply.text).toBe(200);
    const body = verifiedSchema.parse(reply.json);
    expect(body.credential).toMatchObject({ aaguid: MICROSOFT_IOS, attested: false, attestationTrust: 'not applicable', simulated: true, simulatedBy: 'claim' });
    expect(body.report?.decoded).toMatchObject({ attestationTrust: { trust: 'not applicable', simulated: true, simulatedBy: 'claim', label: SIMULATED_CLAIM_LABEL } });
    expect(tenant.db.prepare('SELECT attested, attestation_trust, simulated, simulated_by FROM credentials WHERE id = ?').get(body.credential.id)).toEqual({
      attested: 0,
      attestation_trust: 'not applicable',
      simulated: 1,
      simulated_by: 'claim',
    });
    const list = credentialListSchema.parse((await client.get('/api/credentials')).json);
    expect(list.credentials[0]).toMatchObject({ simulated: true, simulatedBy: 'claim' });

    // Without the claim the same device is indistinguishable from a real one: that is the gap the claim closes.
    const plain = await register(tenant.client(), createSoftAuthenticator('microsoft-authenticator-ios'), 'bob');
    expect(verifiedSchema.parse(plain.reply.json).credential).toMatchObject({ simulated: false, attested: false });
    expect(verifiedSchema.parse(plain.reply.json).credential.simulatedBy).toBeUndefined();
  });

  it('labels the sign-in log, the AAGUID inventory and the sensitive app', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const device = createSoftAuthenticator('microsoft-authenticator-ios');
    expect((await register(client, device, 'carol', claim())).reply.status).toBe(200);
    await client.post('/api/session/sign-out');
    const second = tenant.client();
    const signedIn = await signIn(second, device, claim());
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(verifiedSchema.parse(signedIn.json).credential).toMatchObject({ simulated: true, simulatedBy: 'claim' });

    const { entries } = (await tenant.admin.get('/api/admin/sign-in-log?username=carol')).json as { entries: SignInLogEntry[] };
    expect(entries.map((entry) => [entry.ceremony, entry.result, entry.simulated, entry.simulatedBy])).toEqual([
      ['authentication', 'success', true, 'claim'],
      ['registration', 'success', true, 'claim'],
    ]);
    const { aaguids } = (await tenant.admin.get('/api/admin/aaguids')).json as { aaguids: AaguidUsage[] };
    expect(aaguids.find((usage) => usage.aaguid === MICROSOFT_IOS)).toMatchObject({ passkeys: 1, simulatedPasskeys: 1, attestedPasskeys: 0 });
    const app = sensitiveAppSchema.parse((await second.get('/api/apps/sensitive')).json);
    expect(app.signedInWith).toMatchObject({ aaguid: MICROSOFT_IOS, simulated: true, simulatedBy: 'claim' });
  });

  it('a claim at sign-in labels the log entry of a passkey registered without one (and nothing else)', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const device = createSoftAuthenticator('icloud-keychain');
    expect((await register(client, device, 'dave')).reply.status).toBe(200);
    const signedIn = await signIn(tenant.client(), device, claim('icloud-keychain'));
    expect(signedIn.status, signedIn.text).toBe(200);
    // The stored passkey is unchanged: a sign-in claim labels the attempt, not the passkey.
    expect(verifiedSchema.parse(signedIn.json).credential).toMatchObject({ simulated: false });
    const { entries } = (await tenant.admin.get('/api/admin/sign-in-log?username=dave')).json as { entries: SignInLogEntry[] };
    expect(entries.map((entry) => [entry.ceremony, entry.simulated, entry.simulatedBy ?? null])).toEqual([
      ['authentication', true, 'claim'],
      ['registration', false, null],
    ]);
  });

  it('never satisfies an attestation-enforced policy: the claimed passkey is refused as unattested', async () => {
    const tenant = await createTenant();
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS], { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    const client = tenant.client();
    // No issuer: the device cannot attest, so it answers none however the options ask.
    const { options, reply } = await register(client, createSoftAuthenticator('microsoft-authenticator-ios'), 'erin', claim());
    expect(options.attestation).toBe('direct');
    const report = expectPolicyRefusal(reply, 'attestation_required');
    expect(report.decoded).toMatchObject({ attestationTrust: { simulatedBy: 'claim', label: SIMULATED_CLAIM_LABEL } });
    expect(tenant.db.prepare('SELECT COUNT(*) AS n FROM credentials c JOIN users u ON u.id = c.user_id WHERE u.username = ?').get('erin')).toEqual({ n: 0 });
    const { entries } = (await tenant.admin.get('/api/admin/sign-in-log?username=erin')).json as { entries: SignInLogEntry[] };
    expect(entries[0]).toMatchObject({ result: 'attestation_required', simulated: true, simulatedBy: 'claim' });
  });

  it('an attested simulated device stays "attested by the simulator", with or without the claim', async () => {
    const tenant = await createTenant();
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS], { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    for (const [username, extra] of [['frank', claim()], ['grace', {}]] as const) {
      const client = tenant.client();
      const device = createSoftAuthenticator('microsoft-authenticator-ios', { issuer: labIssuer(client) });
      const { reply } = await register(client, device, username, extra);
      expect(reply.status, reply.text).toBe(200);
      const body = verifiedSchema.parse(reply.json);
      expect(body.credential, username).toMatchObject({ attested: true, attestationTrust: 'simulated', simulated: true, simulatedBy: 'attestation' });
      expect(body.report?.decoded).toMatchObject({ attestationTrust: { simulatedBy: 'attestation', label: 'Attested by this lab’s simulator, not by Microsoft' } });
    }
  });

  it('refuses a malformed claim with the contract’s error (field named), storing nothing', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const device = createSoftAuthenticator('microsoft-authenticator-ios');
    for (const device_ of [{ simulated: false, preset: 'microsoft-authenticator-ios' }, { simulated: true, preset: 'made-up' }, { simulated: true, preset: 'yubikey-5', attested: true }]) {
      const { reply } = await register(client, device, 'heidi', { device: device_ });
      expectError(reply, 400, 'invalid_request');
      expect(String((reply.json as { error: { field?: string } }).error.field)).toMatch(/^device/);
    }
    expect(tenant.db.prepare('SELECT COUNT(*) AS n FROM users WHERE username = ?').get('heidi')).toEqual({ n: 0 });
  });
});

describe('weighing the claim (src/rp/simulator/claim.ts)', () => {
  it('adds the label only where the lab has nothing better, and never to a passkey a real vendor attested', () => {
    expect(simulatedAtRegistration({ trust: 'not applicable' }, true)).toEqual({ simulated: true, simulatedBy: 'claim' });
    expect(simulatedAtRegistration({ trust: 'self' }, true)).toEqual({ simulated: true, simulatedBy: 'claim' });
    expect(simulatedAtRegistration({ trust: 'simulated', simulated: true }, true)).toEqual({ simulated: true, simulatedBy: 'attestation' });
    expect(simulatedAtRegistration({ trust: 'untrusted', simulated: true }, false)).toEqual({ simulated: true, simulatedBy: 'attestation' });
    expect(simulatedAtRegistration({ trust: 'trusted' }, true)).toEqual({ simulated: false });
    expect(simulatedAtRegistration({ trust: 'not applicable' }, false)).toEqual({ simulated: false });
  });

  it('at sign-in: the stored label first, then the claim', () => {
    expect(simulatedAtSignIn({ simulated: 1, simulated_by: 'attestation', attestation_trust: 'simulated' }, true)).toEqual({ simulated: true, simulatedBy: 'attestation' });
    expect(simulatedAtSignIn({ simulated: 1, simulated_by: null, attestation_trust: 'untrusted' }, false)).toEqual({ simulated: true, simulatedBy: 'attestation' });
    expect(simulatedAtSignIn({ simulated: 0, simulated_by: null, attestation_trust: 'not applicable' }, true)).toEqual({ simulated: true, simulatedBy: 'claim' });
    expect(simulatedAtSignIn({ simulated: 0, simulated_by: null, attestation_trust: 'trusted' }, true)).toEqual({ simulated: false });
    expect(simulatedAtSignIn(undefined, true)).toEqual({ simulated: true, simulatedBy: 'claim' });
    expect(simulatedAtSignIn(undefined, false)).toEqual({ simulated: false });
  });
});
