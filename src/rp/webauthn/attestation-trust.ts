import { AsyncLocalStorage } from 'node:async_hooks';
import { type RegistrationResponseJSON, SettingsService, verifyRegistrationResponse } from '@simplewebauthn/server';
import { convertCertBufferToPEM, validateCertificatePath } from '@simplewebauthn/server/helpers';
import type { AttestationVerification, DecodedAttestationObject } from '../../shared/decoded.js';
import type { AuthenticatorDirectory } from '../metadata/directory.js';
import { ALL_SUPPORTED_ALGORITHMS } from './decode/cose-names.js';
import { shortReason } from './decode/errors.js';

type RootCertIdentifier = Parameters<typeof SettingsService.getRootCertificates>[0]['identifier'];

// How far an attestation can be trusted, and the verification's answer: the contract's types.
export type { AttestationTrust, AttestationVerification } from '../../shared/decoded.js';

/** This lab's simulator root, and whether it may be trusted (only while SIMULATED_DEVICES is on). */
export interface AttestationTrustAnchor {
  /** DER. */
  certificate: Uint8Array;
  enabled: boolean;
}

// ---- no network ----------------------------------------------------------------------------------
//
// Once a certificate chain reaches a root, @simplewebauthn/server downloads the CRL named in each
// certificate (isCertRevoked → globalThis.fetch): Google's for android-key and
// android-safetynet, Microsoft's for a TPM chain checked against metadata roots. The inspector
// answers a public endpoint with whatever anyone pastes, so it must not make outbound requests
// (slow or hanging where the network is filtered, and never useful offline). Inside
// `withoutNetwork` every fetch is refused at once, which the library treats like an unreachable
// CRL: it goes on without the revocation check. Fetches outside that scope are untouched.

const offlineScope = new AsyncLocalStorage<{ refused: string[] }>();
const offlineGuard = Symbol.for('passkey-lab.inspector.offline-fetch');

function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (typeof input === 'object' && input !== null && 'url' in input && typeof input.url === 'string') return input.url;
  return String(input);
}

/** Wraps the current globalThis.fetch (once; again if someone replaced it) so the offline scope can refuse. */
function installOfflineGuard(): void {
  const current = globalThis.fetch;
  if (typeof current !== 'function' || offlineGuard in current) return;
  const guarded = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const scope = offlineScope.getStore();
    if (!scope) return current(input, init);
    scope.refused.push(urlOf(input));
    return Promise.reject(new TypeError('the inspector does not make network requests'));
  }) as typeof fetch;
  Object.defineProperty(guarded, offlineGuard, { value: true });
  globalThis.fetch = guarded;
}

let liveScopes = 0;

/**
 * Runs `task` with every fetch refused; returns its result and the URLs it tried.
 *
 * On Node 20 an AsyncLocalStorage, once run, adds promise hooks to every promise in the process
 * until it is disabled: about 0.25 ms of CPU per sign-in long after the last registration. So the
 * store is switched off again whenever no scope is live (the library awaits every fetch it makes,
 * so none starts after its scope has ended).
 */
export async function withoutNetwork<T>(task: () => Promise<T>): Promise<{ value: T; refused: string[] }> {
  installOfflineGuard();
  const scope = { refused: [] as string[] };
  liveScopes += 1;
  try {
    const value = await offlineScope.run(scope, task);
    return { value, refused: scope.refused };
  } finally {
    liveScopes -= 1;
    if (liveScopes === 0) offlineScope.disable();
  }
}

const revocationNote = (refused: string[]) =>
  refused.length > 0 ? ` (revocation was not checked: the inspector does not download the ${refused.length === 1 ? 'revocation list' : `${refused.length} revocation lists`} the certificates name)` : '';

/** Matches the library's messages for certificates (or SafetyNet verdicts) outside their time window. */
const TIME_FAILURE = /validity period|not good (?:after|before)|trust anchor was valid|timestamp .* has expired|is in the future/i;

/** The library's reason, first line; when it is about time, says that the check uses today's date. */
function failureReason(error: unknown): string {
  const reason = shortReason(error).replace(/:$/, '');
  return TIME_FAILURE.test(reason)
    ? `${reason} (validity is judged at today's date: a response captured earlier may carry certificates or a verdict that have expired since)`
    : reason;
}

/** What verifyAttestation found; `statementFailed` when the statement itself did not verify (not only its chain). */
export interface AttestationOutcome {
  verification: AttestationVerification;
  statementFailed: boolean;
}

/** Attestation "none" (an empty statement, WebAuthn §8.7): nothing to verify or trust. */
export const NO_ATTESTATION: AttestationVerification = { verified: true, message: 'nothing to verify: no attestation', trust: 'not applicable' };

/**
 * Verifies a registration response's attestation statement without the original challenge:
 * any challenge is accepted, the expected origin is the response's own, no RP ID is checked
 * and neither UP nor UV is required (a registration checks those itself, before). Then judges
 * how far it can be trusted. Certificate validity is judged at the current time, so an old
 * response's chain may have expired. Makes no network request and never throws.
 */
export async function verifyAttestation(
  response: RegistrationResponseJSON,
  decoded: AttestationToCheck,
  directory: AuthenticatorDirectory,
  simulator?: AttestationTrustAnchor,
): Promise<AttestationOutcome> {
  try {
    const { value, refused } = await withoutNetwork(() => verifyOffline(response, decoded, directory, simulator));
    const { verification } = value;
    return verification.verified && verification.trust === 'trusted' ? { ...value, verification: { ...verification, message: `${verification.message}${revocationNote(refused)}` } } : value;
  } catch (error) {
    return { verification: { verified: false, message: `the attestation could not be checked: ${shortReason(error)}`, trust: 'untrusted' }, statementFailed: true };
  }
}

/** Any challenge, the response's own origin, no RP ID, UP or UV: true, false, or the library's reason. */
async function verifyStatement(response: RegistrationResponseJSON, origin: string): Promise<boolean | string> {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: () => true,
      expectedOrigin: origin,
      requireUserPresence: false,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALL_SUPPORTED_ALGORITHMS,
    });
    return result.verified;
  } catch (error) {
    return failureReason(error);
  }
}

/** The decoded attestation object and its certificates (DER, leaf first: AttestationParts.x5c). */
export interface AttestationToCheck {
  origin: string;
  attestationObject: DecodedAttestationObject;
  x5c: Uint8Array[];
}

async function verifyOffline(
  response: RegistrationResponseJSON,
  decoded: AttestationToCheck,
  directory: AuthenticatorDirectory,
  simulator: AttestationTrustAnchor | undefined,
): Promise<AttestationOutcome> {
  const verified = await verifyStatement(response, decoded.origin);
  if (typeof verified === 'string') return { verification: { verified: false, message: `the attestation did not verify: ${verified}`, trust: 'untrusted' }, statementFailed: true };
  if (!verified) return { verification: { verified: false, message: 'the attestation signature did not verify', trust: 'untrusted' }, statementFailed: true };
  return { verification: await trustOf(decoded, directory, simulator), statementFailed: false };
}

/** How far a statement that verified can be trusted: its kind, then its chain. */
async function trustOf(decoded: AttestationToCheck, directory: AuthenticatorDirectory, simulator: AttestationTrustAnchor | undefined): Promise<AttestationVerification> {
  const { fmt, statementKind } = decoded.attestationObject;
  if (fmt === 'none') return NO_ATTESTATION;
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
  // Before any other anchor: a simulated device imitates a real AAGUID, whose metadata roots it cannot chain to.
  if (simulator && (await chainsTo(decoded.x5c, simulator.certificate))) return simulatedTrust(simulator.enabled);
  if (SettingsService.getRootCertificates({ identifier: fmt as RootCertIdentifier }).length > 0) {
    return {
      verified: true,
      message: `the attestation signature verified and its certificate chain leads to a root certificate for ${fmt} built into @simplewebauthn/server`,
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

/** Whether the x5c chain verifies up to `root` (signatures, names, validity at today's date). */
async function chainsTo(x5c: Uint8Array[], root: Uint8Array): Promise<boolean> {
  try {
    return await validateCertificatePath(
      x5c.map((cert) => convertCertBufferToPEM(Uint8Array.from(cert))),
      [convertCertBufferToPEM(Uint8Array.from(root))],
    );
  } catch {
    return false;
  }
}

function simulatedTrust(enabled: boolean): AttestationVerification {
  return enabled
    ? {
        verified: true,
        message: 'the attestation signature verified and its certificate chain leads to this lab’s simulator root: a simulated device, not the real authenticator its AAGUID names',
        trust: 'simulated',
        simulated: true,
      }
    : {
        verified: false,
        message: 'the certificate chain leads to this lab’s simulator root, which is trusted only while simulated devices are on (SIMULATED_DEVICES)',
        trust: 'untrusted',
        simulated: true,
      };
}
