/** WebAuthn Related Origin Requests: GET /.well-known/webauthn. */
import { describe, expect, it } from 'vitest';
import { wellKnownRoutes } from '../../src/rp/routes/well-known';

describe('GET /.well-known/webauthn', () => {
  it('lists the configured related origins as JSON', async () => {
    const app = wellKnownRoutes(['https://shop.example', 'https://example.co.uk', 'https://shop.example']);
    const response = await app.request('/.well-known/webauthn');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ origins: ['https://shop.example', 'https://example.co.uk'] });
  });

  it('404 not_found in the error shape when none are configured', async () => {
    const response = await wellKnownRoutes([]).request('/.well-known/webauthn');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringMatching(/RELATED_ORIGINS/) } });
  });

  it('answers only that path and GET', async () => {
    const app = wellKnownRoutes(['https://shop.example']);
    expect((await app.request('/.well-known/webauthn', { method: 'POST' })).status).toBe(404);
    expect((await app.request('/.well-known/other')).status).toBe(404);
  });
});
