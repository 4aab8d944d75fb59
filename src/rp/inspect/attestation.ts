import { SettingsService, verifyRegistrationResponse, type RegistrationResponseJSON } from '@simplewebauthn/server';
import { convertCertBufferToPEM, validateCertificatePath } from '@simplewebauthn/server/helpers';
import type { AuthenticatorDirectory } from '../metadata/directory.js';
import { shortReason, type DecodedAttestationObject } from './decode.js';
import { ALL_SUPPORTED_ALGORITHMS } from './names.js';

type RootCertIdentifier = Parameters<typeof SettingsService.getRootCertificates>[0]['identifier'];

/**
 * How far the attestation can be trusted:
 * - `not applicable`: fmt none, there is no statement;
 * - `self`: signed by the credential's own key (proves integrity, not the make or model);
 * - `trusted`: the certificate chain leads to a known root (built into @simplewebauthn/server
 *   for apple, android-key and android-safetynet, or from the AAGUID's MDS metadata statement);
 * - `not checked`: the signature verified but no root is known to check the chain against;
 * - `untrusted`: the statement or its chain did not verify.
 */
export type AttestationTrust = 'not applicable' | 'self' | 'trusted' | 'not checked' | 'untrusted';

export interface AttestationVerification {
  verified: boolean;
  message: string;
  trust: AttestationTrust;
}

/**
 * Verifies a registration response's attestation statement without the original challenge:
 * any challenge is accepted, the expected origin is the response's own, no RP ID is checked
 * and neither UP nor UV is required. Never throws.
 */
export async function verifyAttestation(
  response: RegistrationResponseJSON,
  decoded: { origin: string; attestationObject: DecodedAttestationObject; x5c: Uint8Array[] },
  directory: AuthenticatorDirectory,
): Promise<AttestationVerification> {
  const { fmt, statementKind } = decoded.attestationObject;
  let verified: boolean;
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: () => true,
      expectedOrigin: decoded.origin,
      requireUserPresence: false,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALL_SUPPORTED_ALGORITHMS,
    });
    verified = result.verified;
  } catch (error) {
    return { verified: false, message: `the attestation did not verify: ${shortReason(error)}`, trust: 'untrusted' };
  }
  if (!verified) return { verified: false, message: 'the attestation signature did not verify', trust: 'untrusted' };

  if (fmt === 'none') return { verified: true, message: 'nothing to verify: no attestation', trust: 'not applicable' };
  if (statementKind === 'self') {
    return {
      verified: true,
      message: 'self attestation: the signature verified with the credential’s own key, which proves the response is intact but not which authenticator made it',
      trust: 'self',
    };
  }
  if (decoded.x5c.length === 0) {
    return { verified: true, message: `the ${fmt} attestation verified`, trust: 'not checked' };
  }
  if (SettingsService.getRootCertificates({ identifier: fmt as RootCertIdentifier }).length > 0) {
    return {
      verified: true,
      message: `the attestation signature verified and its certificate chain leads to a ${fmt} root certificate built into @simplewebauthn/server`,
      trust: 'trusted',
    };
  }
  const aaguid = decoded.attestationObject.authenticatorData.attestedCredentialData?.aaguid;
  const roots = aaguid ? directory.lookup(aaguid).attestationRoots : [];
  if (!aaguid || /^[0-]+$/.test(aaguid)) {
    return {
      verified: true,
      message: 'the attestation signature verified, but the certificate chain was not checked: the authenticator gives no AAGUID (all zeros), so no metadata statement can be found for it',
      trust: 'not checked',
    };
  }
  if (roots.length === 0) {
    return {
      verified: true,
      message: 'the attestation signature verified, but the certificate chain was not checked: no metadata statement with root certificates is loaded for this AAGUID',
      trust: 'not checked',
    };
  }
  try {
    await validateCertificatePath(
      decoded.x5c.map((cert) => convertCertBufferToPEM(Uint8Array.from(cert))),
      roots.map((root) => convertCertBufferToPEM(root)),
    );
  } catch (error) {
    return {
      verified: false,
      message: `the attestation signature verified, but the certificate chain does not lead to a root in this AAGUID’s metadata statement: ${shortReason(error)}`,
      trust: 'untrusted',
    };
  }
  return {
    verified: true,
    message: 'the attestation signature verified and its certificate chain leads to a root in this AAGUID’s metadata statement',
    trust: 'trusted',
  };
}
