import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { metadataStatusSchema } from '../../src/shared/schemas';
import { createAuthenticator } from '../soft-authenticator';
import { createWorld, testConfig } from './helpers';

describe('GET /api/metadata and metadata files', () => {
  it('reports the built-in table and no problems by default', async () => {
    const reply = await createWorld().client().get('/api/metadata');
    expect(reply.status).toBe(200);
    const status = metadataStatusSchema.parse(reply.json);
    expect(status.problems).toEqual([]);
    expect(status.sources.names).toBe(0);
    expect(status.sources.builtIn).toBeGreaterThanOrEqual(9);
  });

  it('names passkeys from a provider-list file, and reports a broken MDS file without failing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passkey-lab-meta-'));
    const names = path.join(dir, 'aaguid.json');
    const aaguid = '11111111-2222-3333-4444-555555555555';
    fs.writeFileSync(names, JSON.stringify({ [aaguid]: { name: 'Lab Test Key', icon_light: 'data:image/svg+xml;base64,PHN2Zy8+' } }));
    const world = createWorld({ ...testConfig(), aaguidMetadataPath: names, mdsMetadataPath: path.join(dir, 'missing.json') });
    const status = metadataStatusSchema.parse((await world.client().get('/api/metadata')).json);
    expect(status.sources.names).toBe(1);
    expect(status.problems.join('\n')).toMatch(/missing\.json/);

    const { credential } = await world.client().register(createAuthenticator({ aaguid }), 'meta-user');
    expect(credential.providerName).toBe('Lab Test Key');
    expect(credential.providerIcon).toEqual({ light: 'data:image/svg+xml;base64,PHN2Zy8+', dark: null });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
