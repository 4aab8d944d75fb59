import { describe, expect, it } from 'vitest';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID } from '../../shared/policy';
import { unattestedProviderNote } from './unattested-provider-note';

describe('unattestedProviderNote', () => {
  it('says nothing about an attested passkey', () => {
    expect(unattestedProviderNote({ aaguid: CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, attested: true, providerName: 'YubiKey 5' })).toBeNull();
  });

  it('calls the provider name of an unattested passkey a claim', () => {
    const note = unattestedProviderNote({ aaguid: CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID, attested: false, providerName: 'Chromium virtual authenticator' });
    expect(note).toContain('“Chromium virtual authenticator”');
    expect(note).toContain('did not prove it');
    expect(note).toMatch(/^Not proven: .*\.$/);
  });

  it('names the AAGUID when the lab does not know the provider', () => {
    const aaguid = '11111111-2222-3333-4444-555555555555';
    expect(unattestedProviderNote({ aaguid, attested: false, providerName: null })).toContain(`AAGUID ${aaguid}`);
  });

  it('says nothing when the authenticator claimed no make or model', () => {
    expect(unattestedProviderNote({ aaguid: '00000000-0000-0000-0000-000000000000', attested: false, providerName: null })).toBeNull();
  });
});
