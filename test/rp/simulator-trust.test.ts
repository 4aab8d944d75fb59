/**
 * Attestation trust `simulated`: a packed attestation whose x5c leaf the lab's simulator issued
 * registers as attested (never "trusted") while SIMULATED_DEVICES is on, is untrusted and refused
 * under attestation enforcement while it is off, and after a rotation only the new root counts.
 * Labels: credential, ceremony report, inspector, AAGUID inventory and sign-in log.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/rp/app';
import { type Credential, credentialListSchema } from '../../src/shared/schemas';
import { attestationCertificateResponseSchema } from '../../src/shared/simulator';
import { type AaguidUsage, sensitiveAppSchema, type SignInLogEntry } from '../../src/shared/tenant';
import type { AttestationIssuer } from '../../testkit/core/types';
import { createSoftAuthenticator } from '../../testkit/node';
import { type AttestationCertificate, createAuthenticator } from '../soft-authenticator';
import { changeDefaultProfile, Client, createTenant, expectError, expectPolicyRefusal, MICROSOFT_IOS, restrictKeys, type Tenant, testConfig } from './helpers';

const off = () => ({ ...testConfig(), simulatedDevices: false });

/** An attestation key and the x5c the lab's endpoint issues for it. */
async function simulatorCertificate(client: Client, aaguid = MICROSOFT_IOS): Promise<AttestationCertificate> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const reply = await client.post('/api/simulator/attestation-certificate', {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
    aaguid,
    preset: 'microsoft-authenticator-ios',
  });
  expect(reply.status, reply.text).toBe(200);
  return { x5c: attestationCertificateResponseSchema.parse(reply.json).x5c.map((cert) => Buffer.from(cert, 'base64url')), privateKey };
}

/** A registration answered with packed attestation carrying `certificate` (Microsoft Authenticator iOS AAGUID). */
async function registerWith(client: Client, username: string, certificate: AttestationCertificate) {
  const options = await client.registrationOptions({ username });
  const key = createAuthenticator({ aaguid: MICROSOFT_IOS, transports: ['hybrid', 'internal'] });
  return { key, reply: await client.verifyRegistration(await key.register(options, { fmt: 'packed', attestationCertificate: certificate })) };
}

interface VerifiedBody {
  credential: Credential;
  report: { decoded: { attestationTrust?: { trust: string; message: string; simulated?: boolean; label?: string } } };
}

/** The same database served with SIMULATED_DEVICES off (the root stays in it). */
function switchedOff(tenant: Tenant): Client {
  return new Client(createApp({ config: off(), db: tenant.db, now: () => tenant.clock.now }));
}

describe('attestation trust "simulated"', () => {
  it('registers as attested with trust simulated (never trusted), labelled in the credential and the report', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const { reply } = await registerWith(client, 'alice', await simulatorCertificate(client));
    expect(reply.status, reply.text).toBe(200);
    const body = reply.json as VerifiedBody;
    expect(body.credential).toMatchObject({ attested: true, attestationTrust: 'simulated', simulated: true, aaguid: MICROSOFT_IOS });
    expect(body.report.decoded.attestationTrust).toMatchObject({ trust: 'simulated', simulated: true, label: 'Attested by this lab’s simulator, not by Microsoft' });
    expect(reply.text).not.toMatch(/"trust":"trusted"/);
    expect(tenant.db.prepare('SELECT attestation_trust, simulated, attested FROM credentials WHERE id = ?').get(body.credential.id)).toEqual({
      attestation_trust: 'simulated',
      simulated: 1,
      attested: 1,
    });
    const list = credentialListSchema.parse((await client.get('/api/credentials')).json);
    expect(list.credentials[0]).toMatchObject({ attestationTrust: 'simulated', simulated: true });
  });

  it('satisfies attestation enforcement and an Authenticator-only allow list while simulated devices are on', async () => {
    const tenant = await createTenant();
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS], { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    const client = tenant.client();
    const options = await client.registrationOptions({ username: 'alice' });
    expect(options.attestation).toBe('direct');
    const { reply } = await registerWith(client, 'alice', await simulatorCertificate(client));
    expect(reply.status, reply.text).toBe(200);
    // The same AAGUID without attestation is refused: the simulated one passed because it is attested.
    const bare = tenant.client();
    const plain = createAuthenticator({ aaguid: MICROSOFT_IOS });
    expectPolicyRefusal(await bare.verifyRegistration(await plain.register(await bare.registrationOptions({ username: 'bob' }))), 'attestation_required');
  });

  it('with SIMULATED_DEVICES off the same attestation is untrusted, and refused under enforcement', async () => {
    const tenant = await createTenant();
    const certificate = await simulatorCertificate(tenant.client());
    const offClient = switchedOff(tenant);
    expectError(await offClient.get('/api/simulator'), 404, 'not_found');

    const { reply } = await registerWith(offClient, 'carol', certificate);
    expect(reply.status, reply.text).toBe(200);
    const body = reply.json as VerifiedBody;
    expect(body.credential).toMatchObject({ attested: false, attestationTrust: 'untrusted', simulated: true });
    expect(body.report.decoded.attestationTrust).toMatchObject({ trust: 'untrusted', simulated: true });
    expect(body.report.decoded.attestationTrust?.message).toMatch(/only while simulated devices are on/);

    await changeDefaultProfile(tenant.admin, { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    const refused = await registerWith(switchedOff(tenant), 'dave', certificate);
    expectPolicyRefusal(refused.reply, 'attestation_required');
    // Switched back on, the same certificate counts again.
    const again = await registerWith(tenant.client(), 'dave', certificate);
    expect(again.reply.status, again.reply.text).toBe(200);
  });

  it('after a rotation new certificates chain to the new root; the old root no longer counts; stored labels stay', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const oldCertificate = await simulatorCertificate(client);
    const first = await registerWith(client, 'erin', oldCertificate);
    expect((first.reply.json as VerifiedBody).credential.attestationTrust).toBe('simulated');

    expect((await tenant.admin.post('/api/admin/simulator/rotate')).status).toBe(200);
    await changeDefaultProfile(tenant.admin, { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    const stale = await registerWith(tenant.client(), 'frank', oldCertificate);
    const report = expectPolicyRefusal(stale.reply, 'attestation_required');
    expect((report.decoded as VerifiedBody['report']['decoded']).attestationTrust).toMatchObject({ trust: 'not checked' });

    const fresh = tenant.client();
    const renewed = await registerWith(fresh, 'frank', await simulatorCertificate(fresh));
    expect(renewed.reply.status, renewed.reply.text).toBe(200);
    expect((renewed.reply.json as VerifiedBody).credential.attestationTrust).toBe('simulated');
    expect(credentialListSchema.parse((await client.get('/api/credentials')).json).credentials[0]?.attestationTrust).toBe('simulated');
  });

  it('labels simulated passkeys in the AAGUID inventory and the sign-in log (registration and sign-in)', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const { key, reply } = await registerWith(client, 'gina', await simulatorCertificate(client));
    expect(reply.status).toBe(200);
    await client.signOut();
    await client.signIn(key, 'gina');

    const { aaguids } = (await tenant.admin.get('/api/admin/aaguids')).json as { aaguids: AaguidUsage[] };
    expect(aaguids.find((usage) => usage.aaguid === MICROSOFT_IOS)).toMatchObject({ passkeys: 1, attestedPasskeys: 1, simulatedPasskeys: 1 });
    expect(aaguids.filter((usage) => usage.aaguid !== MICROSOFT_IOS).every((usage) => usage.simulatedPasskeys === 0)).toBe(true);

    const { entries } = (await tenant.admin.get('/api/admin/sign-in-log?username=gina')).json as { entries: SignInLogEntry[] };
    expect(entries.map((entry) => [entry.ceremony, entry.result, entry.simulated])).toEqual([
      ['authentication', 'success', true],
      ['registration', 'success', true],
    ]);
    const admin = (await tenant.admin.get('/api/admin/sign-in-log?username=admin')).json as { entries: SignInLogEntry[] };
    expect(admin.entries.every((entry) => entry.simulated === false)).toBe(true);
  });

  it('the sensitive app admits a simulated Authenticator passkey without a step-up and says it is simulated', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const { key, reply } = await registerWith(client, 'kim', await simulatorCertificate(client));
    expect(reply.status).toBe(200);
    await client.signOut();
    await client.signIn(key, 'kim');
    const app = await client.get('/api/apps/sensitive');
    expect(app.status, app.text).toBe(200);
    expect(sensitiveAppSchema.parse(app.json).signedInWith).toMatchObject({ method: 'passkey', aaguid: MICROSOFT_IOS, simulated: true });
  });

  it('the inspector reads the same trust: simulated while on, untrusted while off', async () => {
    const tenant = await createTenant();
    const client = tenant.client();
    const options = await client.registrationOptions({ username: 'hana' });
    const response = await createAuthenticator({ aaguid: MICROSOFT_IOS }).register(options, { fmt: 'packed', attestationCertificate: await simulatorCertificate(client) });
    const on = await client.post('/api/inspect', { input: response });
    expect(on.status, on.text).toBe(200);
    expect(on.json).toMatchObject({ kind: 'registration', decoded: { attestation: { verification: { trust: 'simulated', simulated: true, verified: true } } } });
    const offReply = await switchedOff(tenant).post('/api/inspect', { input: response });
    expect(offReply.json).toMatchObject({ decoded: { attestation: { verification: { trust: 'untrusted', simulated: true, verified: false } } } });
  });

  it('testkit: a Microsoft Authenticator preset with the lab as its issuer passes an enforced Authenticator-only policy; iCloud Keychain does not', async () => {
    const tenant = await createTenant();
    await restrictKeys(tenant.admin, 'allow', [MICROSOFT_IOS], { attestationEnforcement: 'registrationOnly', passkeyTypes: 'deviceBound' });
    const client = tenant.client();
    const issuer: AttestationIssuer = {
      async issue({ publicKeySpki, aaguid, preset }) {
        const reply = await client.post('/api/simulator/attestation-certificate', { publicKey: Buffer.from(publicKeySpki).toString('base64url'), aaguid, preset });
        return attestationCertificateResponseSchema.parse(reply.json).x5c.map((cert) => new Uint8Array(Buffer.from(cert, 'base64url')));
      },
    };
    // The kit's JSON types and @simplewebauthn's describe the same JSON; the test passes it through as is.
    const registerOn = async (device: ReturnType<typeof createSoftAuthenticator>, browser: Client, username: string) =>
      browser.verifyRegistration((await device.register((await browser.registrationOptions({ username })) as never)) as never);
    const phone = createSoftAuthenticator('microsoft-authenticator-ios', { issuer });
    const reply = await registerOn(phone, client, 'ivan');
    expect(reply.status, reply.text).toBe(200);
    expect((reply.json as VerifiedBody).credential).toMatchObject({ attestationTrust: 'simulated', simulated: true, aaguid: MICROSOFT_IOS });

    const other = tenant.client();
    const icloud = createSoftAuthenticator('icloud-keychain', { issuer });
    // A profile enforcing attestation allows device-bound passkeys only: the synced iCloud passkey stops at the type check.
    expectPolicyRefusal(await registerOn(icloud, other, 'judy'), 'passkey_type_not_allowed');
  });
});
