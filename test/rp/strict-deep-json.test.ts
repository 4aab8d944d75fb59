/**
 * Deep JSON (issue: "Deep JSON gives a 500 after the ceremony was stored"). A value nested
 * 5,000 levels deep in clientExtensionResults or inside clientDataJSON used to overflow the
 * stack when the answer echoed it: the registration was committed, its cookie set, and the
 * answer was a 500; a refused sign-in answered text/plain. Now: 400 invalid_request in JSON,
 * and nothing stored.
 */
import { describe, expect, it } from 'vitest';
import { b64url, createAuthenticator, fromB64url } from '../soft-authenticator';
import { type Client, count, createWorld, expectError, type Reply, SESSION_COOKIE, snapshot } from './helpers';

const LEVELS = 5000;
/** Built as text: JSON.stringify itself overflows on such values. */
const deepJson = (levels = LEVELS) => '{"a":'.repeat(levels) + '[1]' + '}'.repeat(levels);
const PLACEHOLDER = '"@@deep@@"';

/** POSTs `body` with the placeholder replaced by the deep value. */
function postDeep(client: Client, path: string, body: unknown): Promise<Reply> {
  const text = JSON.stringify(body).replace(PLACEHOLDER, deepJson());
  return client.request('POST', path, { raw: text });
}

/** clientDataJSON text with one more member holding the deep value. */
const deepenJson = (json: string) => json.replace(/}$/, `,"extra":${deepJson()}}`);
/** The same, on base64url clientDataJSON. */
const deepenClientData = (clientDataJSON: string) => b64url(deepenJson(fromB64url(clientDataJSON).toString('utf8')));

function expectRefusedWithoutTrace(reply: Reply, before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>) {
  expectError(reply, 400, 'invalid_request');
  expect(reply.setCookies.filter((cookie) => cookie.name === SESSION_COOKIE)).toEqual([]);
  expect(after).toEqual(before);
}

describe('registration with deeply nested JSON', () => {
  async function start() {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    const response = await key.register(await client.registrationOptions({ username: 'deep' }));
    return { world, client, response };
  }

  it('in clientExtensionResults → 400 invalid_request, no account, no passkey, no signed-in cookie', async () => {
    const { world, client, response } = await start();
    const before = snapshot(world.db);
    const reply = await postDeep(client, '/api/registration/verify', { response: { ...response, clientExtensionResults: { deep: '@@deep@@' } } });
    expectRefusedWithoutTrace(reply, before, snapshot(world.db));
    expect(count(world.db, 'users')).toBe(0);
    expect((reply.json as { error: { message: string } }).error.message).toMatch(/32 levels/);
  });

  it('inside clientDataJSON → 400 invalid_request naming the field, nothing stored', async () => {
    const { world, client, response } = await start();
    const before = snapshot(world.db);
    const reply = await client.verifyRegistration({ ...response, response: { ...response.response, clientDataJSON: deepenClientData(response.response.clientDataJSON) } });
    expectRefusedWithoutTrace(reply, before, snapshot(world.db));
    expect((reply.json as { error: { field?: string } }).error.field).toBe('response.clientDataJSON');
    expect(count(world.db, 'credentials')).toBe(0);
  });

  it('32 levels are still accepted', async () => {
    const { client, response } = await start();
    const text = JSON.stringify({ response: { ...response, clientExtensionResults: { deep: '@@deep@@' } } }).replace(PLACEHOLDER, '['.repeat(28) + ']'.repeat(28));
    const reply = await client.request('POST', '/api/registration/verify', { raw: text });
    expect(reply.status, reply.text).toBe(200);
  });
});

describe('sign-in with deeply nested JSON', () => {
  async function start() {
    const world = createWorld();
    const client = world.client();
    const key = createAuthenticator();
    await client.register(key, 'deep');
    await client.signOut();
    const options = await client.authenticationOptions();
    const response = await key.authenticate(options);
    return { world, client, key, options, response };
  }

  it('in clientExtensionResults → 400 invalid_request as JSON (not text/plain), no session, counter unchanged', async () => {
    const { world, client, response } = await start();
    const before = snapshot(world.db);
    const reply = await postDeep(client, '/api/authentication/verify', { response: { ...response, clientExtensionResults: { deep: '@@deep@@' } } });
    expectRefusedWithoutTrace(reply, before, snapshot(world.db));
  });

  it('inside a correctly signed clientDataJSON → 400 invalid_request, nothing stored', async () => {
    const { world, client, key, options } = await start();
    const before = snapshot(world.db);
    // The authenticator signs over the deepened clientDataJSON (the kit's clientDataJSON hook).
    const signed = await key.authenticate(options, { clientDataJSON: deepenJson });
    const reply = await client.verifyAuthentication(signed);
    expectRefusedWithoutTrace(reply, before, snapshot(world.db));
    expect((reply.json as { error: { field?: string } }).error.field).toBe('response.clientDataJSON');
  });

  it('a refused sign-in with a deep value still answers JSON (bad signature)', async () => {
    const { world, client, key } = await start();
    const response = await key.authenticate(await client.authenticationOptions(), { badSignature: true });
    const before = snapshot(world.db);
    const reply = await postDeep(client, '/api/authentication/verify', { response: { ...response, clientExtensionResults: { deep: '@@deep@@' } } });
    expectRefusedWithoutTrace(reply, before, snapshot(world.db));
  });
});

describe('every JSON endpoint', () => {
  it.each([
    ['/api/registration/options', { username: 'x', displayName: '@@deep@@' }],
    ['/api/authentication/options', { username: '@@deep@@' }],
    ['/api/inspect', { input: '@@deep@@' }],
    ['/api/authentication/temporary-access-pass', { username: 'x', code: '@@deep@@' }],
    ['/api/handoffs', { purpose: 'sign-in', extra: '@@deep@@' }],
  ])('%s refuses a deep body with 400 invalid_request before any handler', async (path, body) => {
    const world = createWorld();
    const client = world.client();
    const reply = await postDeep(client, path, body);
    expectError(reply, 400, 'invalid_request');
    expect(count(world.db, 'sessions')).toBe(0);
  });
});

describe('the inspector', () => {
  it('answers 400 invalid_request for a clientDataJSON nested 5,000 levels deep (its answer echoes it)', async () => {
    const client = createWorld().client();
    const input = b64url(`{"type":"webauthn.get","challenge":"AAAA","origin":"http://localhost:3000","extra":${deepJson()}}`);
    const reply = await client.post('/api/inspect', { input });
    expectError(reply, 400, 'invalid_request');
  });
});
