import { describe, expect, it } from 'vitest';
import type { DecodedAttestationObject, DecodedAuthenticatorData, DecodedClientData } from '../shared/decoded';
import { CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID } from '../shared/policy';
import type { CeremonyReport } from '../shared/schemas';
import { algorithmWords, inspectedParts, reportParts } from './decoded-parts';

const authenticatorData: DecodedAuthenticatorData = {
  rpIdHash: '49960de5',
  flags: { up: true, uv: true, be: false, bs: false, at: true, ed: false, value: 0x45 },
  signCount: 1,
  attestedCredentialData: {
    aaguid: CHROMIUM_VIRTUAL_AUTHENTICATOR_AAGUID,
    providerName: 'Chromium virtual authenticator',
    credentialId: 'cred',
    publicKey: { kty: 'OKP', alg: -8, algName: 'EdDSA', crv: 'Ed25519' },
  },
};
const clientData = (type: string): DecodedClientData => ({ type, challenge: 'c', origin: 'http://localhost:5173', raw: { type, challenge: 'c', origin: 'http://localhost:5173' } });
const statement = (fmt: string, statementKind: DecodedAttestationObject['statementKind']): DecodedAttestationObject => ({
  fmt,
  statementKind,
  attStmtKeys: [],
  certificates: [],
  authenticatorData,
});

describe('inspectedParts: the decoder’s answer', () => {
  it('reads a decoded registration: client data, flags, AAGUID, algorithm, attestation and trust', () => {
    const parts = inspectedParts({
      kind: 'registration',
      decoded: {
        id: 'cred',
        type: 'public-key',
        clientData: clientData('webauthn.create'),
        rpIdFromOrigin: 'localhost',
        attestationObject: statement('packed', 'self'),
        attestation: { fmt: 'packed', statementKind: 'self', verification: { verified: true, message: 'ok', trust: 'self' } },
        clientExtensionResults: { credProps: { rk: true } },
        idMatchesCredentialId: true,
      },
    });
    expect(parts.credentialId).toBe('cred');
    expect(parts.clientData?.origin).toBe('http://localhost:5173');
    expect(parts.authenticatorData?.flags).toMatchObject({ up: true, uv: true, be: false, at: true, value: 0x45 });
    expect(parts.authenticatorData?.attestedCredentialData?.providerName).toBe('Chromium virtual authenticator');
    expect(algorithmWords(parts.authenticatorData!.attestedCredentialData!.publicKey)).toBe('EdDSA (OKP, Ed25519)');
    expect(parts.attestation).toMatchObject({ statement: { fmt: 'packed', statementKind: 'self' }, trust: 'self', verified: true });
    expect(parts.extensions).toEqual({ credProps: { rk: true } });
  });

  it('reads bare parts by kind', () => {
    expect(inspectedParts({ kind: 'authenticatorData', decoded: authenticatorData }).authenticatorData?.signCount).toBe(1);
    expect(inspectedParts({ kind: 'clientDataJSON', decoded: clientData('webauthn.get') }).clientData?.type).toBe('webauthn.get');
    const bare = inspectedParts({ kind: 'attestationObject', decoded: statement('none', 'none') });
    expect(bare.attestation?.statement.fmt).toBe('none');
    // A bare attestation object was not verified: no trust to show.
    expect(bare.attestation?.trust).toBeUndefined();
  });
});

describe('reportParts: a verify call’s report', () => {
  it('puts the registration’s attestationTrust beside its statement', () => {
    const report: CeremonyReport = {
      ceremony: 'registration',
      options: null,
      checks: [],
      decoded: { clientData: clientData('webauthn.create'), attestation: statement('none', 'none'), attestationTrust: { trust: 'not applicable', message: 'fmt none' } },
    };
    const parts = reportParts(report);
    expect(parts.credentialId).toBe('cred');
    expect(parts.authenticatorData?.signCount).toBe(1);
    expect(parts.attestation).toMatchObject({ statement: { fmt: 'none' }, trust: 'not applicable', message: 'fmt none' });
  });

  it('shows what a refused ceremony got to: nothing, or the parts it had', () => {
    expect(reportParts({ ceremony: 'authentication', options: null, checks: [], decoded: {} })).toEqual({
      clientData: undefined,
      authenticatorData: undefined,
      signature: undefined,
      userHandle: undefined,
      extensions: undefined,
    });
    const parts = reportParts({ ceremony: 'authentication', options: null, checks: [], decoded: { authenticatorData, userHandle: null } });
    expect(parts.authenticatorData?.flags.uv).toBe(true);
    expect(parts.userHandle).toBeUndefined();
  });

  it('words an algorithm without a name by its COSE number', () => {
    expect(algorithmWords({ kty: 'EC2', alg: -7, algName: null })).toBe('COSE -7 (EC2)');
    expect(algorithmWords({ kty: 'RSA', alg: -257, algName: 'RS256', keyBits: 2048 })).toBe('RS256 (RSA, 2048 bits)');
  });
});
