/**
 * POST /api/inspect through HTTP. Until src/rp/app.ts mounts it, the route runs in a small
 * app built like createApp (same guards, same error rendering); once /api/inspect answers
 * in createWorld(), the last block runs against the real app too.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../src/rp/http/env';
import { jsonBodiesOnly, limitBodySize, sameOriginOnly } from '../../src/rp/http/guards';
import { errorResponse, RpError } from '../../src/rp/http/rp-error';
import { createAuthenticatorDirectory } from '../../src/rp/metadata';
import { createInspectRoutes } from '../../src/rp/routes/inspect';
import { b64url, createAuthenticator } from '../soft-authenticator';
import { createWorld } from './helpers';
import { creationOptions, ORIGIN, packedX5cRegistration, requestOptions, TEST_AAGUID } from './inspect-fixtures';

function miniApp(routes = createInspectRoutes()) {
  const api = new Hono<Env>()
    .use(sameOriginOnly([ORIGIN]), jsonBodiesOnly, limitBodySize)
    .route('/inspect', routes)
    .all('*', (c) => errorResponse(c, 'not_found'));
  api.onError((error, c) => {
    if (error instanceof RpError) return errorResponse(c, error.code, error.message, error.field);
    if (error instanceof HTTPException && error.status < 500) return errorResponse(c, 'invalid_request', 'The request body is not valid JSON.');
    return errorResponse(c, 'internal_error');
  });
  return new Hono().route('/api', api);
}

async function post(app: { request: Hono['request'] }, body: unknown, raw?: string) {
  const text = raw ?? JSON.stringify(body);
  const response = await app.request('http://localhost:3000/api/inspect', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), origin: ORIGIN },
    body: text,
  });
  const responseText = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: responseText, json: JSON.parse(responseText) as Record<string, unknown> };
}

describe('POST /api/inspect', () => {
  const app = miniApp();

  it('200 { kind, decoded } for a registration, an authentication and a bare part', async () => {
    const authenticator = createAuthenticator();
    const registration = await authenticator.register(creationOptions(), { fmt: 'packed' });
    const reply = await post(app, { input: registration });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.contentType).toMatch(/^application\/json/);
    expect(reply.json).toMatchObject({ kind: 'registration', decoded: { attestation: { fmt: 'packed', statementKind: 'self', verification: { verified: true } } } });

    const assertion = await authenticator.authenticate(requestOptions());
    expect((await post(app, { input: JSON.stringify(assertion) })).json).toMatchObject({ kind: 'authentication', decoded: { signature: { encoding: 'der' } } });
    expect((await post(app, { input: assertion.response.clientDataJSON })).json).toMatchObject({ kind: 'clientDataJSON', decoded: { type: 'webauthn.get' } });
  });

  it('400 invalid_request naming the part and field for undecodable input', async () => {
    const registration = await createAuthenticator().register(creationOptions());
    const reply = await post(app, { input: { ...registration, response: { ...registration.response, attestationObject: 'AAAA' } } });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: {
        code: 'invalid_request',
        message: 'attestationObject could not be decoded: it is not a CBOR map with fmt, attStmt and authData',
        field: 'input.response.attestationObject',
      },
    });
  });

  it('400 invalid_request from the schema: missing input, a number, an array, a string over 60000 characters', async () => {
    for (const body of [{}, { input: 42 }, { input: [1] }, { input: null }, { input: 'A'.repeat(60001) }]) {
      const reply = await post(app, body);
      expect(reply.status, reply.text).toBe(400);
      expect(reply.json).toMatchObject({ error: { code: 'invalid_request', field: 'input' } });
    }
    expect((await post(app, undefined, '{"input": ')).json).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('413 over 64 KB, 403 from a foreign origin', async () => {
    const big = await post(app, { input: { padding: 'x'.repeat(70_000) } });
    expect(big.status).toBe(413);
    const foreign = await app.request('http://localhost:3000/api/inspect', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ input: 'AAAA' }),
    });
    expect(foreign.status).toBe(403);
  });

  it('never a 5xx: fuzzed inputs answer 200 or 400 invalid_request', async () => {
    const { response } = packedX5cRegistration();
    const bytes = Buffer.from(response.response.attestationObject, 'base64url');
    const inputs: unknown[] = [
      '',
      ' ',
      '{}',
      '[]',
      'null',
      '{"response":{"signature":1}}',
      { response: { response: { response: {} } } },
      { response: { attestationObject: { deep: [[[[]]]] }, clientDataJSON: 5 } },
      { clientDataJSON: b64url('{}'), signature: 'x', authenticatorData: '' },
      `${'['.repeat(10_000)}`,
      b64url(Buffer.concat([Buffer.alloc(20_000, 0x81), Buffer.from([0])])),
    ];
    for (let i = 0; i < 40; i += 1) inputs.push(b64url(randomBytes(1 + Math.floor(Math.random() * 300))));
    for (let end = 0; end < bytes.length; end += 7) inputs.push({ ...response, response: { ...response.response, attestationObject: b64url(bytes.subarray(0, end)) } });
    for (const input of inputs) {
      const reply = await post(app, { input });
      expect([200, 400], `${JSON.stringify(input).slice(0, 80)} → ${reply.text.slice(0, 200)}`).toContain(reply.status);
      if (reply.status === 400) expect(reply.json).toMatchObject({ error: { code: 'invalid_request' } });
    }
  });

  it('createInspectRoutes(directory) names AAGUIDs and checks chains from loaded metadata', async () => {
    const { response, root } = packedX5cRegistration();
    const directory = createAuthenticatorDirectory({
      names: new Map([[TEST_AAGUID, { name: 'Lab Test Key' }]]),
      statements: new Map([[TEST_AAGUID, { description: null, attestationRootCertificates: [root.der.toString('base64')] }]]),
    });
    const reply = await post(miniApp(createInspectRoutes(directory)), { input: response });
    expect(reply.json).toMatchObject({
      kind: 'registration',
      decoded: {
        attestationObject: { authenticatorData: { attestedCredentialData: { providerName: 'Lab Test Key' } } },
        attestation: { verification: { verified: true, trust: 'trusted' } },
      },
    });
  });
});

// Runs once src/rp/app.ts mounts the route at /api/inspect.
const mounted = (await createWorld().client().post('/api/inspect', { input: 'AAAA' })).status !== 404;

describe.skipIf(!mounted)('POST /api/inspect in createApp', () => {
  it('answers like the route on its own, without a session', async () => {
    const client = createWorld().client();
    const registration = await createAuthenticator().register(creationOptions());
    const reply = await client.post('/api/inspect', { input: registration });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json).toMatchObject({ kind: 'registration', decoded: { attestation: { verification: { verified: true } } } });
    const bad = await client.post('/api/inspect', { input: { response: { signature: '' } } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { code: 'invalid_request' } });
  });
});
