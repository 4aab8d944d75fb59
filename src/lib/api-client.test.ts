import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClient, ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-client';

function respond(status: number, body?: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(async () =>
    new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => vi.unstubAllGlobals());

describe('apiClient', () => {
  it('sends JSON with the same-origin cookie and returns the parsed body', async () => {
    const fetchMock = respond(200, { options: { challenge: 'abc' } });
    await expect(apiClient.post('/api/authentication/options', { username: 'alice' })).resolves.toEqual({ options: { challenge: 'abc' } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/authentication/options');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"username":"alice"}');
  });

  it('returns undefined for 204 No Content', async () => {
    respond(204);
    await expect(apiClient.delete('/api/session')).resolves.toBeUndefined();
  });

  it('throws an ApiError with the contract error body', async () => {
    respond(409, { error: { code: 'username_taken', message: 'That username is already registered.' } });
    const error = await caught(apiClient.post('/api/registration/options', { username: 'alice' }));
    expect(error).toMatchObject({ status: 409, code: 'username_taken', message: 'That username is already registered.' });
  });

  it('keeps the ceremony report of a refused verify call', async () => {
    const report = { ceremony: 'authentication', options: { challenge: 'abc' }, decoded: {}, checks: [{ id: 'signature', passed: false, message: 'no', code: 'signature_invalid' }] };
    respond(400, { error: { code: 'signature_invalid', message: 'The signature did not verify.' }, report });
    const error = await caught(apiClient.post('/api/authentication/verify', {}));
    expect(error).toMatchObject({ status: 400, code: 'signature_invalid', report });
    respond(400, { error: { code: 'invalid_request', message: 'x' }, report: { nonsense: true } });
    expect((await caught(apiClient.post('/api/authentication/verify', {}))).report).toBeUndefined();
  });

  it('keeps the field a 400 names, and only a text one', async () => {
    const message = 'passkeyProfiles[0].keyRestrictions.aaGuids[2]: "nope" is not an AAGUID';
    respond(400, { error: { code: 'invalid_request', message, field: 'passkeyProfiles[0].keyRestrictions.aaGuids[2]' } });
    const error = await caught(apiClient.patch('/api/admin/policy', {}));
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', message, field: 'passkeyProfiles[0].keyRestrictions.aaGuids[2]' });
    respond(400, { error: { code: 'invalid_request', message: 'x', field: 3 } });
    expect((await caught(apiClient.patch('/api/admin/policy', {}))).field).toBeUndefined();
  });

  it('keeps the reason a refusal carries, and only a text one', async () => {
    respond(403, { error: { code: 'step_up_required', message: 'x', reason: 'handoff' } });
    expect(await caught(apiClient.get('/api/apps/sensitive'))).toMatchObject({ status: 403, code: 'step_up_required', reason: 'handoff' });
    respond(403, { error: { code: 'step_up_required', message: 'x', reason: { nested: true } } });
    expect((await caught(apiClient.get('/api/apps/sensitive'))).reason).toBeUndefined();
  });

  it('gives a network failure its own code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await caught(apiClient.get('/api/session'));
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('copes with an answer that is not the contract (HTML error page)', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html');
    expect(await caught(apiClient.get('/api/session'))).toMatchObject({ status: 502, code: 'internal_error' });
    respond(404, '<html>Not found</html>', 'text/html');
    expect(await caught(apiClient.get('/api/nothing'))).toMatchObject({ status: 404, code: UNEXPECTED_RESPONSE });
  });
});
