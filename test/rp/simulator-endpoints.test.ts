/**
 * /api/simulator and /api/admin/simulator/rotate (docs/api.md, "Simulated devices"): on and off,
 * request validation, admin-only rotation, a root kept in the database, and an issuing endpoint
 * that stores nothing.
 */
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attestationCertificateResponseSchema, type SimulatorStatus, simulatorStatusSchema } from '../../src/shared/simulator';
import { presets } from '../../testkit/core/presets';
import { createAuthenticator } from '../soft-authenticator';
import { type Client, createTenant, createWorld, expectError, MICROSOFT_IOS, testConfig, type World } from './helpers';

const YUBIKEY_5 = presets['yubikey-5'].aaguid;
const off = () => ({ ...testConfig(), simulatedDevices: false });

function p256Spki(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64url');
}

async function status(client: Client): Promise<SimulatorStatus> {
  const reply = await client.get('/api/simulator');
  expect(reply.status, reply.text).toBe(200);
  return simulatorStatusSchema.parse(reply.json);
}

async function issue(client: Client, body: Record<string, unknown> = {}) {
  return client.post('/api/simulator/attestation-certificate', { publicKey: p256Spki(), aaguid: MICROSOFT_IOS, preset: 'microsoft-authenticator-ios', ...body });
}

/** Row counts of every table: the issuing endpoint must leave them all alone. */
function tableSizes(world: World): Record<string, number> {
  const tables = world.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (world.db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

describe('GET /api/simulator', () => {
  it('answers the lab’s own root, created once and kept in the database', async () => {
    const world = createWorld();
    const client = world.client();
    const first = await status(client);
    const root = new X509Certificate(Buffer.from(first.root.certificate, 'base64url'));
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(first.root.pem).toBe(root.toString());
    expect(first.root.fingerprintSha256).toBe(root.fingerprint256);
    expect(await status(world.client())).toEqual(first);
    expect(world.db.prepare('SELECT COUNT(*) AS n FROM simulator_root').get()).toEqual({ n: 1 });
  });

  it('creates one root when the first requests arrive together', async () => {
    const world = createWorld();
    const answers = await Promise.all([1, 2, 3, 4].map(() => status(world.client())));
    expect(new Set(answers.map((answer) => answer.root.fingerprintSha256)).size).toBe(1);
  });

  it('is not there with SIMULATED_DEVICES off: 404 not_found, and no root is made', async () => {
    const world = createWorld(off());
    const client = world.client();
    expectError(await client.get('/api/simulator'), 404, 'not_found');
    expectError(await issue(client), 404, 'not_found');
    expect(world.db.prepare('SELECT COUNT(*) AS n FROM simulator_root').get()).toEqual({ n: 0 });
  });
});

describe('POST /api/simulator/attestation-certificate', () => {
  it('issues a WebAuthn §8.2.1 attestation certificate for the device’s key, chained to the root; stores nothing', async () => {
    const world = createWorld();
    const client = world.client();
    const { root } = await status(client);
    const before = tableSizes(world);
    const publicKey = p256Spki();
    const reply = await issue(client, { publicKey });
    expect(reply.status, reply.text).toBe(200);
    const { x5c } = attestationCertificateResponseSchema.parse(reply.json);
    expect(x5c).toHaveLength(1);
    const leaf = new X509Certificate(Buffer.from(x5c[0]!, 'base64url'));
    expect(leaf.verify(new X509Certificate(Buffer.from(root.certificate, 'base64url')).publicKey)).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.subject).toContain('OU=Authenticator Attestation');
    expect(leaf.publicKey.export({ format: 'der', type: 'spki' }).toString('base64url')).toBe(publicKey);
    for (let i = 0; i < 5; i++) expect((await issue(client)).status).toBe(200);
    expect(tableSizes(world)).toEqual(before);
  });

  it('needs no session (practice mode works before anyone has an account)', async () => {
    const world = createWorld();
    const reply = await issue(world.client());
    expect(reply.status, reply.text).toBe(200);
  });

  it.each([
    ['no public key', { publicKey: undefined }, 'publicKey'],
    ['a public key that is not base64url', { publicKey: 'not base64!' }, 'publicKey'],
    ['bytes that are not a key', { publicKey: Buffer.from('hello').toString('base64url') }, 'publicKey'],
    ['a P-384 key', { publicKey: generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64url') }, 'publicKey'],
    ['an RSA key', { publicKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64url') }, 'publicKey'],
    ['a made-up AAGUID', { aaguid: '12345678-1234-4123-8123-123456789abc' }, 'aaguid'],
    ['another preset’s AAGUID', { aaguid: YUBIKEY_5 }, 'aaguid'],
    ['something that is not an AAGUID', { aaguid: 'microsoft' }, 'aaguid'],
    ['an unknown preset', { preset: 'nokia-3310' }, 'preset'],
    ['a synced preset, which never attests', { preset: 'icloud-keychain', aaguid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd' }, 'preset'],
    ['an unknown field', { ca: true }, 'ca'],
  ])('refuses %s: 400 invalid_request naming the field', async (_name, body, field) => {
    const world = createWorld();
    const reply = await issue(world.client(), body);
    expectError(reply, 400, 'invalid_request');
    expect((reply.json as { error: { field?: string } }).error.field).toBe(field);
  });

  it('accepts the AAGUID in upper case', async () => {
    const world = createWorld();
    expect((await issue(world.client(), { aaguid: MICROSOFT_IOS.toUpperCase() })).status).toBe(200);
  });
});

describe('POST /api/admin/simulator/rotate', () => {
  it('is for tenant admins only', async () => {
    const tenant = await createTenant();
    expectError(await tenant.client().post('/api/admin/simulator/rotate'), 401, 'not_signed_in');
    const someone = tenant.client();
    await someone.register(createAuthenticator(), 'someone');
    expectError(await someone.post('/api/admin/simulator/rotate'), 403, 'forbidden');
  });

  it('replaces the root: new certificates chain to the new root, not to the old one', async () => {
    const tenant = await createTenant();
    const old = await status(tenant.admin);
    const reply = await tenant.admin.post('/api/admin/simulator/rotate');
    expect(reply.status, reply.text).toBe(200);
    const rotated = simulatorStatusSchema.parse(reply.json);
    expect(rotated.root.fingerprintSha256).not.toBe(old.root.fingerprintSha256);
    expect(await status(tenant.client())).toEqual(rotated);
    const issued = await issue(tenant.client());
    const leaf = new X509Certificate(Buffer.from(attestationCertificateResponseSchema.parse(issued.json).x5c[0]!, 'base64url'));
    expect(leaf.verify(new X509Certificate(Buffer.from(rotated.root.certificate, 'base64url')).publicKey)).toBe(true);
    expect(leaf.verify(new X509Certificate(Buffer.from(old.root.certificate, 'base64url')).publicKey)).toBe(false);
    expect(tenant.db.prepare('SELECT COUNT(*) AS n FROM simulator_root').get()).toEqual({ n: 1 });
  });

  it('answers 404 not_found with SIMULATED_DEVICES off', async () => {
    const tenant = await createTenant(off());
    expectError(await tenant.admin.post('/api/admin/simulator/rotate'), 404, 'not_found');
  });
});
