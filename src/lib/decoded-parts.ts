/**
 * Which decoded parts of a WebAuthn response there are to show, from what the relying party
 * sent: a ceremony report (`report.decoded`) or the decoder's answer (POST /api/inspect). The
 * parts keep the contract's shapes (src/shared/decoded.ts); this only gathers them, and puts an
 * attestation statement beside what was concluded about it. Pure.
 */
import type {
  AttestationTrust,
  AttestationTrustReport,
  AttestationVerification,
  DecodedAttestationObject,
  DecodedAuthenticatorData,
  DecodedClientData,
  DecodedPublicKey,
  DecodedSignature,
  DecodedUserHandle,
  FlagName,
  InspectKind,
  InspectResult,
  JsonRecord,
  StatementKind,
} from '../shared/decoded';
import type { CeremonyReport } from '../shared/schemas';
import { simulatedDeviceLabel } from '../shared/simulator-labels';

export const inspectKindWords: Record<InspectKind, string> = {
  registration: 'registration response',
  authentication: 'authentication response',
  attestationObject: 'attestation object',
  authenticatorData: 'authenticator data',
  clientDataJSON: 'client data (clientDataJSON)',
};

export const flagWords: Record<FlagName, { label: string; meaning: string }> = {
  up: { label: 'UP', meaning: 'User present: someone touched or unlocked the authenticator' },
  uv: { label: 'UV', meaning: 'User verified: with a PIN, fingerprint or face' },
  be: { label: 'BE', meaning: 'Backup eligible: the passkey may be synced to other devices' },
  bs: { label: 'BS', meaning: 'Backed up: the passkey is synced now' },
  at: { label: 'AT', meaning: 'Attested credential data: a new public key is included' },
  ed: { label: 'ED', meaning: 'Extension data: authenticator extension results are included' },
};

export const statementKindWords: Record<StatementKind, string> = {
  none: 'none: the authenticator did not say what it is',
  self: 'self: signed with the passkey’s own key (proves nothing about the make)',
  basic: 'basic: signed with the maker’s certificate',
  attca: 'attestation CA: signed with a certificate from an attestation CA',
  anonca: 'anonymous CA: signed with a one-off certificate from the maker’s CA',
  unknown: 'unknown',
};

export const trustWords: Record<AttestationTrust, string> = {
  'not applicable': 'not applicable: there is no statement to check',
  self: 'self: the statement verifies, signed by the passkey itself',
  trusted: 'trusted: the certificate chain leads to a known root',
  simulated: 'simulated: the certificate chain leads to this lab’s simulator root (a simulated device, not a real authenticator)',
  'not checked': 'not checked: the signature verifies, but no known root to check the chain against',
  untrusted: 'untrusted: the statement or its chain did not verify',
};

/**
 * An attestation statement, beside what the relying party (a report's `attestationTrust`) or the
 * decoder (`attestation.verification`) concluded about it; those are absent when the statement
 * was not checked (a registration refused before that step, or a bare attestation object).
 */
export interface AttestationPart extends Partial<Omit<AttestationVerification, 'simulated'>> {
  statement: DecodedAttestationObject;
  /** A simulated device: the chain leads to this lab's simulator root, or (a report's `simulatedBy: 'claim'`) practice mode said so. */
  simulated?: true | undefined;
  /** "Attested by this lab’s simulator, not by Microsoft", for a simulated device. */
  label?: string | undefined;
}

/**
 * The statement and its verdict as one part. A report carries the simulated device's label; the
 * decoder says `simulated` only, so the label follows from the AAGUID and the trust.
 */
function attestationPart(statement: DecodedAttestationObject, verdict?: AttestationTrustReport | AttestationVerification): AttestationPart {
  if (!verdict) return { statement };
  const part: AttestationPart = { statement, ...verdict };
  if (verdict.simulated && !part.label) {
    part.label = simulatedDeviceLabel(statement.authenticatorData.attestedCredentialData?.aaguid, verdict.trust);
  }
  return part;
}

/** The parts there are; a part the response did not have (or did not get to) is absent. */
export interface DecodedParts {
  credentialId?: string | undefined;
  clientData?: DecodedClientData | undefined;
  authenticatorData?: DecodedAuthenticatorData | undefined;
  attestation?: AttestationPart | undefined;
  extensions?: JsonRecord | undefined;
  signature?: DecodedSignature | undefined;
  userHandle?: DecodedUserHandle | undefined;
}

/** "ES256 (EC2, P-256)", "RS256 (RSA, 2048 bits)", "COSE -7 (EC2)". */
export function algorithmWords(publicKey: DecodedPublicKey): string {
  const name = publicKey.algName ?? `COSE ${publicKey.alg}`;
  const details = [publicKey.kty, publicKey.crv, publicKey.keyBits !== undefined ? `${publicKey.keyBits} bits` : undefined].filter(Boolean).join(', ');
  return details ? `${name} (${details})` : name;
}

/** The statement's algorithm: "ES256", or "COSE -7" when the decoder has no name for it. */
export function statementAlgorithmWords(statement: DecodedAttestationObject): string | undefined {
  if (statement.algName) return statement.algName;
  return statement.alg === undefined ? undefined : `COSE ${statement.alg}`;
}

/** The parts of a verify call's report, as far as the ceremony got. */
export function reportParts(report: CeremonyReport): DecodedParts {
  if (report.ceremony === 'registration') {
    const { clientData, attestation, extensions, attestationTrust } = report.decoded;
    return {
      credentialId: attestation?.authenticatorData.attestedCredentialData?.credentialId,
      clientData,
      authenticatorData: attestation?.authenticatorData,
      attestation: attestation && attestationPart(attestation, attestationTrust),
      extensions,
    };
  }
  const { clientData, authenticatorData, signature, userHandle, extensions } = report.decoded;
  return { clientData, authenticatorData, signature, userHandle: userHandle ?? undefined, extensions };
}

/** The parts of what the decoder recognised. */
export function inspectedParts(result: InspectResult): DecodedParts {
  switch (result.kind) {
    case 'clientDataJSON':
      return { clientData: result.decoded };
    case 'authenticatorData':
      return { authenticatorData: result.decoded, credentialId: result.decoded.attestedCredentialData?.credentialId };
    case 'attestationObject': {
      const { authenticatorData } = result.decoded;
      return { authenticatorData, attestation: attestationPart(result.decoded), credentialId: authenticatorData.attestedCredentialData?.credentialId };
    }
    case 'registration': {
      const { attestationObject, attestation } = result.decoded;
      const authenticatorData = attestationObject.authenticatorData;
      return {
        credentialId: result.decoded.id ?? authenticatorData.attestedCredentialData?.credentialId,
        clientData: result.decoded.clientData,
        authenticatorData,
        attestation: attestationPart(attestationObject, attestation.verification),
        extensions: result.decoded.clientExtensionResults,
      };
    }
    case 'authentication': {
      const { id, clientData, authenticatorData, signature, userHandle, clientExtensionResults } = result.decoded;
      return { credentialId: id ?? undefined, clientData, authenticatorData, signature, userHandle: userHandle ?? undefined, extensions: clientExtensionResults };
    }
  }
}
