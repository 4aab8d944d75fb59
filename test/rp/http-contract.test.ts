/**
 * Bad input never produces a 5xx or an HTML page: every refusal is the contract's JSON
 * error with a specific code, and nothing is stored.
 */
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../soft-authenticator';
import { count, createWorld, credentialRow, expectError, snapshot } from './helpers';

const POST_ENDPOINTS = ['/api/registration/options', '/api/registration/verify', '/api/authentication/options', '/api/authentication/verify'];

function nothingPending(world: ReturnType<typeof createWorld>) {
  expect(count(world.db, 'users')).toBe(0);
  expect(count(world.db, 'credentials')).toBe(0);
  expect(world.pending.size.ceremonies).toBe(0);
}

describe('malformed and invalid bodies → 400 invalid_request', () => {
  it.each(POST_ENDPOINTS)('POST %s with malformed JSON', async (path) => {
    const world = createWorld();
    expectError(await world.client().request('POST', path, { raw: '{"username": "alice",' }), 400, 'invalid_request');
    nothingPending(world);
  });

  it.each(POST_ENDPOINTS)('POST %s with a JSON array instead of an object', async (path) => {
    const world = createWorld();
    expectError(await world.client().request('POST', path, { raw: '[]' }), 400, 'invalid_request');
    nothingPending(world);
  });

  it.each(POST_ENDPOINTS)('POST %s with an empty body', async (path) => {
    const world = createWorld();
    expectError(await world.client().request('POST', path, { raw: '' }), 400, 'invalid_request');
    nothingPending(world);
  });

  it('PATCH /api/credentials/:id with malformed JSON', async () => {
    const world = createWorld();
    const client = world.client();
    const alice = await client.register(createAuthenticator(), 'alice', { nickname: 'Laptop' });
    expectError(await client.request('PATCH', `/api/credentials/${alice.credential.id}`, { raw: '{nickname:' }), 400, 'invalid_request');
    expect(credentialRow(world.db, alice.credential.id)?.nickname).toBe('Laptop');
  });

  it.each<[string, unknown]>([
    ['no username', {}],
    ['a username that is not a string', { username: 123 }],
    ['an empty username', { username: '' }],
    ['a username with a space', { username: 'alice smith' }],
    ['a username over 64 characters', { username: 'a'.repeat(65) }],
    ['a displayName that is not a string', { username: 'alice', displayName: ['Alice'] }],
    ['an unknown hint', { username: 'alice', hint: 'usb' }],
    ['a null body', null],
  ])('registration options with %s', async (_name, body) => {
    const world = createWorld();
    const reply = await world.client().request('POST', '/api/registration/options', { raw: JSON.stringify(body) });
    expectError(reply, 400, 'invalid_request');
    nothingPending(world);
  });

  it('authentication options with a username that is not a string', async () => {
    const world = createWorld();
    expectError(await world.client().post('/api/authentication/options', { username: { $ne: '' } }), 400, 'invalid_request');
    nothingPending(world);
  });

  it.each<[string, (response: Record<string, unknown>) => unknown]>([
    ['no response', () => ({})],
    ['a response that is a string', () => ({ response: 'hello' })],
    ['no clientDataJSON', (r) => ({ response: { ...r, response: { ...(r.response as object), clientDataJSON: undefined } } })],
    ['an attestationObject that is not base64url', (r) => ({ response: { ...r, response: { ...(r.response as object), attestationObject: 'not base64url!' } } })],
    ['type other than public-key', (r) => ({ response: { ...r, type: 'password' } })],
    ['an id that is a number', (r) => ({ response: { ...r, id: 42 } })],
    ['a nickname that is empty', (r) => ({ response: r, nickname: '' })],
  ])('registration verify with %s', async (_name, build) => {
    const world = createWorld();
    const client = world.client();
    const options = await client.registrationOptions({ username: 'alice' });
    const response = await createAuthenticator().register(options) as unknown as Record<string, unknown>;
    const before = snapshot(world.db);
    expectError(await client.post('/api/registration/verify', build(response)), 400, 'invalid_request');
    expect(snapshot(world.db)).toEqual(before);
    expect(count(world.db, 'users')).toBe(0);
  });

  it.each<[string, (response: Record<string, unknown>) => unknown]>([
    ['no response', () => ({})],
    ['no signature', (r) => ({ response: { ...r, response: { ...(r.response as object), signature: undefined } } })],
    ['an authenticatorData that is a number', (r) => ({ response: { ...r, response: { ...(r.response as object), authenticatorData: 7 } } })],
  ])('authentication verify with %s', async (_name, build) => {
    const world = createWorld();
    const authenticator = createAuthenticator();
    const alice = await world.client().register(authenticator, 'alice');
    const client = world.client();
    const options = await client.authenticationOptions({});
    const response = await authenticator.authenticate(options) as unknown as Record<string, unknown>;
    const before = snapshot(world.db);
    expectError(await client.post('/api/authentication/verify', build(response)), 400, 'invalid_request');
    expect(snapshot(world.db)).toEqual(before);
    expect(credentialRow(world.db, alice.credential.id)).toMatchObject({ counter: 0, last_used_at: null });
  });
});

describe('content type, size and origin', () => {
  it.each([
    ['text/plain', '{"username":"alice"}'],
    ['application/x-www-form-urlencoded', 'username=alice'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="username"\r\n\r\nalice\r\n--x--'],
  ])('a %s body → 415 unsupported_media_type', async (type, raw) => {
    const world = createWorld();
    const reply = await world.client().request('POST', '/api/registration/options', { raw, headers: { 'content-type': type } });
    expectError(reply, 415, 'unsupported_media_type');
    nothingPending(world);
  });

  it('application/json with a charset parameter is accepted', async () => {
    const world = createWorld();
    const reply = await world.client().request('POST', '/api/registration/options', {
      raw: '{"username":"alice"}',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    });
    expect(reply.status, reply.text).toBe(200);
  });

  it('a body over 64 KB → 413 payload_too_large', async () => {
    const world = createWorld();
    const raw = JSON.stringify({ username: 'alice', displayName: 'x'.repeat(70 * 1024) });
    expectError(await world.client().request('POST', '/api/registration/options', { raw }), 413, 'payload_too_large');
    nothingPending(world);
  });

  it('a chunked body over 64 KB without Content-Length → 413 payload_too_large', async () => {
    const world = createWorld();
    const raw = JSON.stringify({ username: 'alice', displayName: 'x'.repeat(70 * 1024) });
    expectError(await world.client().request('POST', '/api/registration/options', { raw, chunked: true }), 413, 'payload_too_large');
    nothingPending(world);
  });

  it('a chunked text/plain body without Content-Length → 415 unsupported_media_type', async () => {
    const world = createWorld();
    const reply = await world.client().request('POST', '/api/registration/options', {
      raw: '{"username":"alice"}',
      chunked: true,
      headers: { 'content-type': 'text/plain' },
    });
    expectError(reply, 415, 'unsupported_media_type');
    nothingPending(world);
  });

  it('a body just under 64 KB is not refused for its size (400 invalid_request for the long displayName)', async () => {
    const world = createWorld();
    const raw = JSON.stringify({ username: 'alice', displayName: 'x'.repeat(60 * 1024) });
    expectError(await world.client().request('POST', '/api/registration/options', { raw }), 400, 'invalid_request');
  });

  it.each(['https://evil.example', 'http://localhost:5173', 'null'])('a state-changing request with Origin %s → 403 forbidden_origin', async (origin) => {
    const world = createWorld();
    expectError(await world.client().post('/api/registration/options', { username: 'alice' }, { origin }), 403, 'forbidden_origin');
    expectError(await world.client().post('/api/authentication/options', {}, { origin }), 403, 'forbidden_origin');
    nothingPending(world);
  });

  it('a foreign Origin cannot delete a passkey or sign the user out', async () => {
    const world = createWorld();
    const client = world.client();
    const alice = await client.register(createAuthenticator(), 'alice');
    const before = snapshot(world.db);
    const origin = 'https://evil.example';
    expectError(await client.delete(`/api/credentials/${alice.credential.id}`, { origin }), 403, 'forbidden_origin');
    expectError(await client.patch(`/api/credentials/${alice.credential.id}`, { nickname: 'Pwned' }, { origin }), 403, 'forbidden_origin');
    expectError(await client.delete('/api/session', { origin }), 403, 'forbidden_origin');
    expect(snapshot(world.db)).toEqual(before);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('a request without an Origin header (a non-browser client) is allowed', async () => {
    const world = createWorld();
    const reply = await world.client().post('/api/registration/options', { username: 'alice' }, { origin: null });
    expect(reply.status, reply.text).toBe(200);
  });

  it('a GET with a foreign Origin is not a state change and is answered normally', async () => {
    const world = createWorld();
    const client = world.client();
    await client.register(createAuthenticator(), 'alice');
    expect((await client.get('/api/session', { origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/nope'],
    ['POST', '/api/nope'],
    ['GET', '/api/registration'],
  ])('%s %s → 404 not_found as JSON', async (method, path) => {
    const world = createWorld();
    const reply = await world.client().request(method, path, method === 'POST' ? { body: {} } : {});
    expectError(reply, 404, 'not_found');
  });
});
