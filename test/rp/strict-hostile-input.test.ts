/**
 * Hostile input in bulk, class by class: every answer is a 4xx in the contract's JSON shape
 * (never a 5xx, never text/plain), and a refused ceremony leaves nothing behind (no account,
 * no passkey, no signed-in session, no counter change). Prints how many requests each class sent.
 */
import { randomBytes } from 'node:crypto';
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { afterAll, describe, expect, it } from 'vitest';
import { b64url, createAuthenticator, fromB64url, type SoftAuthenticator } from '../soft-authenticator';
import { type Client, createWorld, type Reply, snapshot, type World } from './helpers';
import { coseEc2, coseOkp, coseRsa, handMadeRegistration, offCurveP256, realCoseKey, withClientData } from './strict-helpers';

interface Tally {
  requests: number;
  fiveHundreds: number;
  notJson: number;
  halfStored: number;
}
const tallies = new Map<string, Tally>();
const tally = (name: string) => tallies.get(name) ?? (tallies.set(name, { requests: 0, fiveHundreds: 0, notJson: 0, halfStored: 0 }), tallies.get(name)!);

/** `changed`: the database changed; a refusal was expected unless `mayAccept` (e.g. options ignore unknown members). */
function record(name: string, reply: Reply, changed: boolean, mayAccept = false) {
  const t = tally(name);
  t.requests += 1;
  if (reply.status >= 500) t.fiveHundreds += 1;
  if (!(reply.headers.get('content-type') ?? '').startsWith('application/json')) t.notJson += 1;
  if (changed || (!mayAccept && reply.status < 400)) t.halfStored += 1;
}

/**
 * Whether `flipped` still says everything `original` said (type, challenge, origin; crossOrigin
 * false or absent; no topOrigin): WebAuthn §7.2 lets unknown members through, so such a
 * clientDataJSON is a valid one and its sign-in must succeed.
 */
function stillAcceptableClientData(original: string, flipped: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(flipped);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const was = JSON.parse(original) as Record<string, unknown>;
  const now = parsed as Record<string, unknown>;
  return now.type === was.type && now.challenge === was.challenge && now.origin === was.origin && (now.crossOrigin === undefined || now.crossOrigin === false) && now.topOrigin === undefined;
}

const deepJson = (levels: number) => '{"a":'.repeat(levels) + '[1]' + '}'.repeat(levels);
const stateOf = (world: World) => JSON.stringify(snapshot(world.db));

/** A fresh browser with registration options pending for a new name. */
async function registrationAttempt(world: World): Promise<{ client: Client; options: PublicKeyCredentialCreationOptionsJSON }> {
  const client = world.client();
  return { client, options: await client.registrationOptions({ username: `u${randomBytes(6).toString('hex')}` }) };
}

async function refusedRegistration(
  world: World,
  name: string,
  build: (options: PublicKeyCredentialCreationOptionsJSON, key: SoftAuthenticator) => RegistrationResponseJSON | string | Promise<RegistrationResponseJSON | string>,
) {
  const { client, options } = await registrationAttempt(world);
  const before = stateOf(world);
  const built = await build(options, createAuthenticator());
  const reply = typeof built === 'string' ? await client.request('POST', '/api/registration/verify', { raw: built }) : await client.verifyRegistration(built);
  record(name, reply, stateOf(world) !== before);
}

async function refusedSignIn(world: World, key: SoftAuthenticator, name: string, mutate: (clientDataText: string) => string, raw?: (body: string) => string) {
  const client = world.client();
  // The authenticator signs over the changed clientDataJSON (the kit's clientDataJSON hook).
  const signed = await key.authenticate(await client.authenticationOptions(), { clientDataJSON: mutate });
  const before = stateOf(world);
  const body = JSON.stringify({ response: signed });
  const reply = await client.request('POST', '/api/authentication/verify', { raw: raw ? raw(body) : body });
  record(name, reply, stateOf(world) !== before);
}

describe('hostile input, in bulk', () => {
  afterAll(() => {
    const rows = [...tallies].map(([name, t]) => `| ${name} | ${t.requests} | ${t.fiveHundreds} | ${t.notJson} | ${t.halfStored} |`);
    console.log(['| class of bad input | requests | 5xx | not JSON | half-stored |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'));
  });

  it('never answers 5xx or non-JSON, and stores nothing when it refuses', async () => {
    const world = createWorld();
    const key = createAuthenticator();
    await world.client().register(key, 'victim');

    for (const levels of [33, 100, 1000, 5000, 20000]) {
      for (const path of ['/api/registration/options', '/api/authentication/options', '/api/authentication/verify', '/api/registration/verify', '/api/inspect', '/api/handoffs', '/api/authentication/temporary-access-pass']) {
        const before = stateOf(world);
        record('deep JSON body (33–20,000 levels, 7 endpoints)', await world.client().request('POST', path, { raw: `{"x":${deepJson(levels)}}` }), stateOf(world) !== before);
      }
      await refusedRegistration(world, 'deep clientExtensionResults (registration)', async (options, k) =>
        JSON.stringify({ response: { ...(await k.register(options)), clientExtensionResults: { d: '@@' } } }).replace('"@@"', deepJson(levels)),
      );
      await refusedRegistration(world, 'deep clientDataJSON (registration)', async (options, k) => {
        const response = await k.register(options);
        return { ...response, response: { ...response.response, clientDataJSON: b64url(fromB64url(response.response.clientDataJSON).toString().replace(/}$/, `,"x":${deepJson(levels)}}`)) } };
      });
      await refusedSignIn(world, key, 'deep clientDataJSON, signed (sign-in)', (text) => text.replace(/}$/, `,"x":${deepJson(levels)}}`));
      await refusedSignIn(world, key, 'deep clientExtensionResults (sign-in)', (text) => text, (body) => body.replace('"clientExtensionResults":{}', `"clientExtensionResults":{"d":${deepJson(levels)}}`));
      // The inspector stores nothing and may decode what still serialises (200); deeper is a 400.
      const inspectBefore = stateOf(world);
      const inspected = await world.client().post('/api/inspect', { input: b64url(`{"type":"webauthn.get","challenge":"AA","origin":"x","e":${deepJson(levels)}}`) });
      record('deep JSON inside the inspector’s base64url input', inspected, stateOf(world) !== inspectBefore, true);
    }

    for (const bytes of [1024, 1500, 2048, 4096, 8192]) {
      await refusedRegistration(world, 'credential id over 1,023 bytes', (options) => handMadeRegistration(options, { cosePublicKey: realCoseKey('P-256'), credentialId: randomBytes(bytes) }));
    }
    for (const which of ['id', 'rawId', 'both'] as const) {
      for (let i = 0; i < 5; i += 1) {
        await refusedRegistration(world, 'id / rawId not the authenticator data’s', async (options, k) => {
          const response = await k.register(options);
          const other = b64url(randomBytes(32));
          return { ...response, id: which === 'rawId' ? response.id : other, rawId: which === 'id' ? response.rawId : other };
        });
      }
    }

    const badKeys: (() => Uint8Array)[] = [
      offCurveP256,
      () => coseEc2(1, -7, Buffer.alloc(32), Buffer.alloc(32)),
      () => coseEc2(1, -7, randomBytes(32), randomBytes(32)),
      () => coseEc2(1, -7, randomBytes(31), randomBytes(33)),
      () => coseEc2(2, -7, randomBytes(48), randomBytes(48)),
      () => coseOkp(Buffer.concat([Buffer.alloc(31, 0xff), Buffer.from([0x7f])])),
      () => coseOkp(randomBytes(31)),
      () => realCoseKey('RSA', 1024),
      () => coseRsa(randomBytes(256), Buffer.from([1, 0, 0])),
      () => Buffer.from([0xa1, 0x01, 0x02]),
    ];
    for (let round = 0; round < 3; round += 1) {
      for (const cose of badKeys) await refusedRegistration(world, 'public key not valid for its type', (options) => handMadeRegistration(options, { cosePublicKey: cose() }));
    }

    const originMembers: Record<string, unknown>[] = [
      { crossOrigin: 'true' }, { crossOrigin: 1 }, { crossOrigin: null }, { crossOrigin: [] }, { crossOrigin: {} },
      { topOrigin: 'https://evil.example' }, { crossOrigin: true, topOrigin: 'https://evil.example' }, { crossOrigin: false, topOrigin: 'http://localhost:3000' },
      { topOrigin: 42 }, { topOrigin: 'x'.repeat(20000) },
    ];
    for (const members of originMembers) {
      await refusedSignIn(world, key, 'crossOrigin not a boolean / topOrigin present', (text) => JSON.stringify({ ...JSON.parse(text), ...members }));
      await refusedRegistration(world, 'crossOrigin not a boolean / topOrigin present', async (options, k) => {
        const response = await k.register(options);
        return { ...response, response: { ...response.response, clientDataJSON: withClientData(response.response.clientDataJSON, members) } };
      });
    }

    // Random byte flips in clientDataJSON text (signed again, so only the RP's own parsing is tested).
    // A flip can leave a clientData a browser might send (say "crossOrigin" became an unknown
    // member): the RP rightly accepts that one, so it is drawn again.
    for (let i = 0; i < 60; i += 1) {
      await refusedSignIn(world, key, 'clientDataJSON with random bytes changed (sign-in)', (text) => {
        for (;;) {
          const bytes = Buffer.from(text);
          for (let n = 0; n < 3; n += 1) bytes[Math.floor(Math.random() * bytes.length)] = Math.floor(Math.random() * 256);
          const flipped = bytes.toString('latin1');
          if (!stillAcceptableClientData(text, flipped)) return flipped;
        }
      });
    }

    for (const raw of ['', '{', 'null', '[]', '"x"', '{"response":null}', '{"response":{"id":1}}', '\u0000\u0001', '{"__proto__":{"x":1}}', '{"response":' + '['.repeat(40) + ']'.repeat(40) + '}']) {
      for (const path of ['/api/registration/verify', '/api/authentication/verify', '/api/authentication/options', '/api/registration/options']) {
        const before = stateOf(world);
        record('malformed bodies', await world.client().request('POST', path, { raw }), stateOf(world) !== before, path.endsWith('/options'));
      }
    }

    for (const t of tallies.values()) {
      expect(t).toMatchObject({ fiveHundreds: 0, notJson: 0, halfStored: 0 });
      expect(t.requests).toBeGreaterThan(0);
    }
    // The victim still signs in: nothing above touched the account.
    await world.client().signIn(key);
  }, 120_000);
});
