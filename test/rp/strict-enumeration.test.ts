/**
 * Username enumeration: POST /api/authentication/options answers a known and an unknown
 * username alike. Before, only known usernames got credential ids in allowCredentials.
 */
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { decoyCredentials } from '../../src/rp/webauthn/decoy-credentials';
import { transports } from '../../src/shared/schemas';
import { createAuthenticator } from '../soft-authenticator';
import { type Client, createTenant, createWorld, expectError, expectSignedOut, issueTap, snapshot } from './helpers';

/** Everything but the values that differ on every call anyway (the challenge). */
function shapeOf(options: PublicKeyCredentialRequestOptionsJSON) {
  return {
    keys: Object.keys(options).sort(),
    rpId: options.rpId,
    userVerification: options.userVerification,
    timeout: options.timeout,
    descriptors: (options.allowCredentials ?? []).map((descriptor) => ({
      keys: Object.keys(descriptor).sort(),
      type: descriptor.type,
      idChars: /^[A-Za-z0-9_-]+$/.test(descriptor.id),
      transportsKnown: (descriptor.transports ?? []).every((t) => (transports as readonly string[]).includes(t)),
    })),
  };
}

const optionsFor = (client: Client, username: string) => client.authenticationOptions({ username });

describe('POST /api/authentication/options does not reveal which usernames exist', () => {
  it('a known and an unknown username get answers of the same shape, each with credential ids', async () => {
    const world = createWorld();
    const key = createAuthenticator();
    await world.client().register(key, 'alice');
    const known = await optionsFor(world.client(), 'alice');
    const unknown = await optionsFor(world.client(), 'mallory');
    expect(unknown.allowCredentials!.length).toBeGreaterThan(0);
    expect(shapeOf(unknown).keys).toEqual(shapeOf(known).keys);
    expect(shapeOf(unknown).descriptors[0]).toEqual(shapeOf(known).descriptors[0]);
    for (const descriptor of unknown.allowCredentials!) {
      expect([16, 20, 32, 64]).toContain(Buffer.from(descriptor.id, 'base64url').length);
      expect(descriptor.transports!.length).toBeGreaterThan(0);
    }
  });

  it('the answer for an unknown username is stable across calls, browsers and letter case, and differs per name', async () => {
    const world = createWorld();
    const first = await optionsFor(world.client(), 'mallory');
    const again = await optionsFor(world.client(), 'mallory');
    const upper = await optionsFor(world.client(), 'MALLORY');
    expect(again.challenge).not.toBe(first.challenge);
    expect(again.allowCredentials).toEqual(first.allowCredentials);
    expect(upper.allowCredentials).toEqual(first.allowCredentials);
    const other = await optionsFor(world.client(), 'trudy');
    expect(other.allowCredentials).not.toEqual(first.allowCredentials);
  });

  it('another lab answers the same unknown name differently (the secret is per lab)', async () => {
    const here = await optionsFor(createWorld().client(), 'mallory');
    const there = await optionsFor(createWorld().client(), 'mallory');
    expect(there.allowCredentials).not.toEqual(here.allowCredentials);
  });

  it('an account without a passkey yet (made with a Temporary Access Pass) looks like any other', async () => {
    const tenant = await createTenant();
    await issueTap(tenant.admin, { username: 'newcomer' });
    const options = await optionsFor(tenant.client(), 'newcomer');
    expect(options.allowCredentials!.length).toBeGreaterThan(0);
    expect(await optionsFor(tenant.client(), 'newcomer')).toMatchObject({ allowCredentials: options.allowCredentials });
  });

  it('a passkey offered against an unknown username is still refused, and nothing changes', async () => {
    const world = createWorld();
    const key = createAuthenticator();
    await world.client().register(key, 'alice');
    const client = world.client();
    const options = await optionsFor(client, 'mallory');
    world.clock.advance(1000);
    const before = snapshot(world.db);
    // The browser would find no passkey with a decoy id; a client that sends one anyway:
    const reply = await client.verifyAuthentication(await key.authenticate(options, { credentialId: (await key.credentials())[0]!.id }));
    expectError(reply, 400, 'credential_not_allowed');
    expect(snapshot(world.db)).toEqual(before);
    await expectSignedOut(client);
  });

  it('once the name registers, its real passkey is listed instead', async () => {
    const world = createWorld();
    const decoy = await optionsFor(world.client(), 'mallory');
    const { credential } = await world.client().register(createAuthenticator(), 'mallory');
    const real = await optionsFor(world.client(), 'mallory');
    expect(real.allowCredentials!.map((d) => d.id)).toEqual([credential.id]);
    expect(real.allowCredentials).not.toEqual(decoy.allowCredentials);
  });
});

describe('decoyCredentials (pure)', () => {
  const secret = Buffer.alloc(32, 9);
  it('is deterministic for a secret and a name, ASCII case folded like the account lookup', () => {
    expect(decoyCredentials(secret, 'mallory')).toEqual(decoyCredentials(secret, 'Mallory'));
    expect(decoyCredentials(secret, 'mallory')).not.toEqual(decoyCredentials(Buffer.alloc(32, 8), 'mallory'));
  });

  it('follows the distribution of real accounts: mostly one passkey, a mix of id lengths', () => {
    const counts = new Map<number, number>();
    const lengths = new Map<number, number>();
    for (let i = 0; i < 4000; i += 1) {
      const decoys = decoyCredentials(secret, `user${i}`);
      counts.set(decoys.length, (counts.get(decoys.length) ?? 0) + 1);
      for (const decoy of decoys) lengths.set(Buffer.from(decoy.id, 'base64url').length, (lengths.get(Buffer.from(decoy.id, 'base64url').length) ?? 0) + 1);
    }
    // The weights in decoy-credentials.ts, within ±0.03 (4 standard deviations at 4,000 names).
    expect(Math.abs(counts.get(1)! / 4000 - 0.7)).toBeLessThan(0.03);
    expect(Math.abs(counts.get(2)! / 4000 - 0.25)).toBeLessThan(0.03);
    expect(Math.abs(counts.get(3)! / 4000 - 0.05)).toBeLessThan(0.02);
    const all = [...lengths.values()].reduce((sum, n) => sum + n, 0);
    expect([...lengths.keys()].sort((a, b) => a - b)).toEqual([16, 20, 32, 64]);
    expect(Math.abs(lengths.get(64)! / all - 0.1)).toBeLessThan(0.02);
    expect(Math.abs(lengths.get(32)! / all - 0.4)).toBeLessThan(0.03);
  });
});
