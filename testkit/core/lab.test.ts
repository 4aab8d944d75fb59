/**
 * Every preset registers and signs in against the real lab (app.request, no browser), and the
 * Node export's tampering hooks break exactly what they name.
 */
import { describe, expect, it } from 'vitest';
import { verifiedSchema } from '../../src/shared/schemas';
import { type Client, createWorld, credentialRow, expectError } from '../../test/rp/helpers';
import { createSoftAuthenticator, presetIds, presets, type SoftAuthenticator, type Tamper } from '../node';

async function register(client: Client, device: SoftAuthenticator, username: string) {
  const options = await client.registrationOptions({ username });
  const reply = await client.verifyRegistration(await device.register(options));
  expect(reply.status, reply.text).toBe(200);
  return verifiedSchema.parse(reply.json);
}

async function signIn(client: Client, device: SoftAuthenticator, tamper?: Tamper) {
  const options = await client.authenticationOptions({});
  return client.verifyAuthentication(await device.authenticate(options, tamper));
}

describe('every preset against the lab', () => {
  it.each(presetIds)('%s registers with its AAGUID, flags and transports, then signs in', async (id) => {
    const preset = presets[id];
    const world = createWorld();
    const client = world.client();
    const device = createSoftAuthenticator(id);
    const verified = await register(client, device, `user-${id}`);
    expect(verified.credential).toMatchObject({
      aaguid: preset.aaguid,
      backedUp: preset.kind === 'synced',
      deviceType: preset.kind === 'synced' ? 'multiDevice' : 'singleDevice',
      transports: preset.transports,
    });
    expect(verified.credential.providerName).not.toBeNull();

    await client.signOut();
    for (let round = 1; round <= 2; round += 1) {
      const reply = await signIn(client, device);
      expect(reply.status, reply.text).toBe(200);
      // Synced passkeys keep no counter (always 0); device-bound ones count each signature.
      expect(credentialRow(world.db, verified.credential.id)?.counter).toBe(preset.kind === 'synced' ? 0 : round);
    }
    const [stored] = await device.credentials();
    expect(stored).toMatchObject({ rpId: 'localhost', aaguid: preset.aaguid, backupEligible: preset.kind === 'synced', signCount: preset.kind === 'synced' ? 0 : 2 });
  });
});

describe('tampering hooks (each breaks one thing the lab checks)', () => {
  async function registered() {
    const world = createWorld();
    const client = world.client();
    const device = createSoftAuthenticator('microsoft-authenticator-ios');
    const verified = await register(client, device, 'alice');
    await client.signOut();
    return { world, client, device, id: verified.credential.id };
  }

  it('untampered, the same device signs in (the baseline the cases below depart from)', async () => {
    const { client, device } = await registered();
    expect((await signIn(client, device)).status).toBe(200);
  });

  it.each<[string, Tamper, number, Parameters<typeof expectError>[2]]>([
    ['origin', { origin: 'https://evil.example' }, 400, 'origin_mismatch'],
    ['type', { type: 'webauthn.create' }, 400, 'ceremony_type_mismatch'],
    ['challenge', { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }, 400, 'challenge_mismatch'],
    ['rpIdHash', { rpId: 'example.com' }, 400, 'rp_id_mismatch'],
    ['flags (no user presence)', { flags: { up: false } }, 400, 'user_presence_required'],
    ['flags (no user verification)', { flags: { uv: false } }, 400, 'user_verification_required'],
    ['signature', { signature: 'wrong-key' }, 400, 'signature_invalid'],
  ])('%s', async (_name, tamper, status, code) => {
    const { client, device } = await registered();
    expectError(await signIn(client, device, tamper), status, code);
  });

  it('counter: a regression is refused, and the stored counter is left alone', async () => {
    const { world, client, device, id } = await registered();
    expect((await signIn(client, device)).status).toBe(200);
    expect((await signIn(client, device)).status).toBe(200);
    expectError(await signIn(client, device, { counter: 1 }), 400, 'counter_regression');
    expect(credentialRow(world.db, id)?.counter).toBe(2);
    expect((await device.credentials())[0]?.signCount).toBe(2);
  });

  it('extensions replace the client extension results sent; crossOrigin/topOrigin reach clientDataJSON', async () => {
    const device = createSoftAuthenticator('yubikey-5', { origin: 'https://example.com' });
    const options = { rp: { id: 'example.com', name: 'x' }, user: { id: 'AQID', name: 'a', displayName: 'A' }, challenge: 'AAAA', pubKeyCredParams: [{ type: 'public-key', alg: -7 }] };
    const response = await device.register(options, { extensions: { credProps: { rk: false } }, crossOrigin: true, topOrigin: 'https://top.example' });
    expect(response.clientExtensionResults).toEqual({ credProps: { rk: false } });
    expect(JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString())).toEqual({
      type: 'webauthn.create',
      challenge: 'AAAA',
      origin: 'https://example.com',
      crossOrigin: true,
      topOrigin: 'https://top.example',
    });
  });
});
