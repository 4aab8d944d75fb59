import { describe, expect, it } from 'vitest';
import { algorithmWords, decodedParts } from './decoded-parts';

const authenticatorData = {
  rpIdHash: '49960de5',
  flags: { up: true, uv: true, be: false, bs: false, at: true, ed: false, value: 0x45 },
  signCount: 1,
  attestedCredentialData: {
    aaguid: '01020304-0506-0708-0102-030405060708',
    providerName: 'Chromium virtual authenticator',
    credentialId: 'cred',
    publicKey: { kty: 'OKP', alg: -8, algName: 'EdDSA', crv: 'Ed25519' },
  },
};

describe('decodedParts', () => {
  it('reads a decoded registration: client data, flags, AAGUID, algorithm, attestation and trust', () => {
    const parts = decodedParts(
      {
        id: 'cred',
        clientData: { type: 'webauthn.create', challenge: 'c', origin: 'http://localhost:5173' },
        attestationObject: { fmt: 'packed', statementKind: 'self', certificates: [], authenticatorData },
        attestation: { fmt: 'packed', statementKind: 'self', verification: { verified: true, message: 'ok', trust: 'self' } },
        clientExtensionResults: { credProps: { rk: true } },
      },
      'registration',
    );
    expect(parts.credentialId).toBe('cred');
    expect(parts.clientData?.origin).toBe('http://localhost:5173');
    expect(parts.authenticatorData?.flags).toMatchObject({ up: true, uv: true, be: false, at: true, value: 0x45 });
    expect(parts.authenticatorData?.providerName).toBe('Chromium virtual authenticator');
    expect(parts.authenticatorData?.algorithm).toBe('EdDSA (OKP, Ed25519)');
    expect(parts.attestation).toMatchObject({ fmt: 'packed', statementKind: 'self', trust: 'self', verified: true });
    expect(parts.extensions).toEqual({ credProps: { rk: true } });
  });

  it('reads bare parts by kind', () => {
    expect(decodedParts(authenticatorData, 'authenticatorData').authenticatorData?.signCount).toBe(1);
    expect(decodedParts({ type: 'webauthn.get', challenge: 'c', origin: 'o' }, 'clientDataJSON').clientData?.type).toBe('webauthn.get');
    expect(decodedParts({ fmt: 'none', statementKind: 'none', certificates: [], authenticatorData }, 'attestationObject').attestation?.fmt).toBe('none');
  });

  it('copes with anything else', () => {
    expect(decodedParts(null)).toEqual({});
    expect(decodedParts({ clientData: 'x', authenticatorData: 3 }).clientData).toBeUndefined();
    expect(algorithmWords({ alg: -7 })).toBe('COSE -7');
  });
});
